package dev.converge.engine.graph;

import dev.converge.engine.change.Change;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.spi.OrderRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * StepOrder decides in what order the changes of a plan run; every rule that orders steps is here or
 * named here, strongest first:
 * <ol>
 *   <li><b>Renames first</b>, in the order the renames were found (a table before its columns): every
 *       other change is planned against the new names.</li>
 *   <li><b>The dialect's rules</b> ({@link OrderRule}, declared by its SQL generator): changes the
 *       server needs committed before the rest (PostgreSQL: new enum labels, which it refuses to use in
 *       the transaction that added them). They must need nothing else of the plan; that is checked.</li>
 *   <li><b>Dependencies</b> ({@link Prerequisites}): an object is created after what it needs, dropped
 *       after what needs it, a replaced object dropped before it is created again. A cycle here is a
 *       bug, reported with the graph.</li>
 *   <li><b>Hints</b>, kept only where they close no cycle: a routine after what its body reads, a new
 *       index before the partitions added to its table ({@link OrderHints}); a replaced key's drop and
 *       add with nothing non-transactional between them ({@link KeyReplacements}).</li>
 *   <li><b>Rank</b> ({@link ChangeRank}) among steps free to run: drops that unblock first, creations
 *       in the order a person writes them, destructive drops last.</li>
 *   <li><b>Step id</b>, so that equal inputs give the same plan byte for byte.</li>
 * </ol>
 * After the order, a dialect may still merge steps ({@link dev.converge.engine.spi.SqlGenerator#finishSteps},
 * MySQL's clauses of one ALTER TABLE), which keeps their relative order.
 */
public final class StepOrder {
    private final List<OrderRule> dialectRules;

    public StepOrder(List<OrderRule> dialectRules) {
        this.dialectRules = List.copyOf(dialectRules);
    }

    /** The renames as given, then the other changes in the order of the rules above. */
    public List<Change> order(List<Change> renames, List<Change> changes, SchemaModel current) {
        List<Change> ordered = new ArrayList<>(renames);
        ordered.addAll(dialectRulesFirst(ChangeGraph.order(changes, current), current));
        return ordered;
    }

    /**
     * The dependencies among the changes of a plan, by rule only (not hints): for each change, the
     * changes it must wait for. See {@link ChangeGraph#dependencies}.
     */
    public static Map<Change, List<Change>> dependencies(List<Change> changes, SchemaModel current) {
        return ChangeGraph.dependencies(changes, current);
    }

    private List<Change> dialectRulesFirst(List<Change> ordered, SchemaModel current) {
        List<Change> first = new ArrayList<>();
        Map<Change, OrderRule> movedBy = new IdentityHashMap<>();
        for (OrderRule rule : dialectRules) {
            for (Change change : ordered) {
                if (!movedBy.containsKey(change) && rule.first().test(change)) {
                    movedBy.put(change, rule);
                    first.add(change);
                }
            }
        }
        if (first.isEmpty()) {
            return ordered;
        }
        checkNeedNothingElse(movedBy, ordered, current);
        List<Change> result = new ArrayList<>(first);
        ordered.stream().filter(c -> !movedBy.containsKey(c)).forEach(result::add);
        return result;
    }

    /* A change moved to the front must not need one left behind: that order could not run. */
    private static void checkNeedNothingElse(Map<Change, OrderRule> movedBy, List<Change> ordered, SchemaModel current) {
        Set<Change> moved = Collections.newSetFromMap(new IdentityHashMap<>());
        moved.addAll(movedBy.keySet());
        ChangeGraph.dependencies(ordered, current).forEach((change, befores) -> {
            if (moved.contains(change)) {
                befores.stream().filter(b -> !moved.contains(b)).findFirst().ifPresent(b -> {
                    throw new IllegalStateException("the dialect's order rule '" + movedBy.get(change).name()
                            + "' moves " + StepIds.of(change) + " before " + StepIds.of(b) + ", which it needs");
                });
            }
        });
    }
}
