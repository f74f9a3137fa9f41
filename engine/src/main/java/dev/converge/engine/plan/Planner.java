package dev.converge.engine.plan;

import dev.converge.engine.change.Action;
import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.change.Change;
import dev.converge.engine.diff.DiffResult;
import dev.converge.engine.diff.Differ;
import dev.converge.engine.diff.ModelIndex;
import dev.converge.engine.graph.ChangeGraph;
import dev.converge.engine.graph.StepIds;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.SafetyClassifier;
import dev.converge.engine.spi.SqlGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Planner makes a plan from two schema models: diff, order through the change graph, then give each
 * step its SQL (from the dialect's generator), its classification (from the dialect's classifier)
 * and its description. It needs no database, so plans can be made and tested offline.
 */
public final class Planner {
    private final String dialect;
    private final SqlGenerator sqlGenerator;
    private final SafetyClassifier classifier;

    public Planner(String dialect, SqlGenerator sqlGenerator, SafetyClassifier classifier) {
        this.dialect = dialect;
        this.sqlGenerator = sqlGenerator;
        this.classifier = classifier;
    }

    /** The planner of a dialect: its id, SQL generator and safety classifier. */
    public static Planner of(Dialect dialect) {
        return new Planner(dialect.id(), dialect.sqlGenerator(), dialect.safetyClassifier());
    }

    public Plan plan(SchemaModel current, SchemaModel desired, String target) {
        DiffResult diff = new Differ().diff(current, desired);
        List<Change> ordered = enumLabelsFirst(ChangeGraph.order(diff.changes(), current));
        Set<ObjectRef> replaced = replacedTargets(ordered);
        List<PlanStep> steps = new ArrayList<>(ordered.size());
        ModelIndex before = new ModelIndex(current);
        for (Change change : ordered) {
            Classification classification = classifier.classify(change, current);
            boolean replaces = change.action() != Action.ALTER && replaced.contains(change.target());
            steps.add(new PlanStep(steps.size() + 1, StepIds.of(change), change.action(), replaces, change.target(),
                    ChangeDescriber.describe(change), sqlGenerator.statements(change), classification.classes(),
                    classification.hazards(), change, inverse(change, before)));
        }
        return new Plan(Plan.FORMAT_VERSION, dialect, target, Fingerprints.of(current), Fingerprints.of(desired),
                steps, diff.notes(), unmanaged(current, desired));
    }

    /** What either side holds that Converge does not manage: the target's first, each side sorted. */
    private static List<Unmanaged> unmanaged(SchemaModel current, SchemaModel desired) {
        List<Unmanaged> found = new ArrayList<>();
        current.unmanaged().forEach(o -> found.add(new Unmanaged(Unmanaged.TARGET, o)));
        desired.unmanaged().forEach(o -> found.add(new Unmanaged(Unmanaged.DESIRED, o)));
        return found;
    }

    private List<DdlStatement> inverse(Change change, ModelIndex before) {
        return Inverses.of(change, before).map(sqlGenerator::statements).orElse(List.of());
    }

    /**
     * New enum labels run first: PostgreSQL refuses to use a label in the transaction that added it, so
     * the apply commits them before anything that may use them. Adding a label to an existing type
     * needs nothing else, so this never breaks the dependency order.
     */
    private static List<Change> enumLabelsFirst(List<Change> ordered) {
        List<Change> result = new ArrayList<>(ordered.stream().filter(c -> c instanceof AddEnumValue).toList());
        ordered.stream().filter(c -> !(c instanceof AddEnumValue)).forEach(result::add);
        return result;
    }

    /** Objects that are both dropped and created in the plan: shown as replacements. */
    private static Set<ObjectRef> replacedTargets(List<Change> changes) {
        Set<ObjectRef> dropped = new HashSet<>();
        Set<ObjectRef> replaced = new HashSet<>();
        changes.stream().filter(c -> c.action() == Action.DROP).forEach(c -> dropped.add(c.target()));
        changes.stream().filter(c -> c.action() == Action.CREATE && dropped.contains(c.target()))
                .forEach(c -> replaced.add(c.target()));
        return replaced;
    }
}
