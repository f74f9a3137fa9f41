package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateTable;
import dev.converge.engine.change.DropForeignKey;
import dev.converge.engine.change.DropTable;
import dev.converge.engine.change.RebuildTable;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Sequence;
import dev.converge.engine.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * TableRebuilds finds the tables whose partitioning changes (plain to partitioned, another partition
 * key, or back), which PostgreSQL cannot do in place, and plans them as {@link RebuildTable}s where
 * the project allows it ({@code -- converge:allow TABLE_REWRITE} on the table's declaration); without
 * that allowance the plan is refused with an explanation.
 *
 * <p>A rebuilt table and its partitions, on both sides, are the rebuild's own: the other differs see the
 * current model without them and without what goes with them (their indexes, foreign keys, triggers,
 * policies, row security, grants, rules and statistics objects), so that everything the desired side
 * has on them is created again after the rebuild. Other objects that need them (a view, a routine, a
 * publication) stay, and are replaced around the rebuild as for a dropped table. Foreign keys of other tables that point to them are
 * dropped before it and added again after it; views that read them are replaced, as for a dropped table.
 */
final class TableRebuilds {
    private final Map<QualifiedName, List<Table>> currentTrees;
    private final Map<QualifiedName, List<Table>> desiredTrees;
    private final Set<QualifiedName> rebuilt;

    private TableRebuilds(Map<QualifiedName, List<Table>> currentTrees, Map<QualifiedName, List<Table>> desiredTrees) {
        this.currentTrees = currentTrees;
        this.desiredTrees = desiredTrees;
        this.rebuilt = new LinkedHashSet<>();
        currentTrees.values().forEach(tree -> tree.forEach(t -> rebuilt.add(t.name())));
        desiredTrees.values().forEach(tree -> tree.forEach(t -> rebuilt.add(t.name())));
    }

    /** The rebuilds {@code current} -> {@code desired} needs; refused where {@code mayRewrite} does not allow them. */
    static TableRebuilds of(ModelIndex current, ModelIndex desired, Predicate<ObjectRef> mayRewrite) {
        Map<QualifiedName, List<Table>> currentTrees = new LinkedHashMap<>();
        Map<QualifiedName, List<Table>> desiredTrees = new LinkedHashMap<>();
        for (Table want : desired.tables().values()) {
            Table have = current.tables().get(want.name());
            if (have == null || Objects.equals(have.partitionKey(), want.partitionKey())) {
                continue;
            }
            if (!mayRewrite.test(want.ref())) {
                throw refusal(have, want);
            }
            if (have.isPartition() || want.isPartition()) {
                throw new ConvergeException(ErrorKind.REFUSED, "table " + want.name() + " is a partition whose own"
                        + " partitioning would change " + describeKey(have) + " -> " + describeKey(want) + ": Converge"
                        + " rebuilds only a table that is no partition; detach it in one plan and change it in the next");
            }
            currentTrees.put(want.name(), tree(have, current.model()));
            desiredTrees.put(want.name(), tree(want, desired.model()));
        }
        TableRebuilds rebuilds = new TableRebuilds(currentTrees, desiredTrees);
        rebuilds.refuseMovedPartitions(current, desired);
        return rebuilds;
    }

    /** A table of the rebuild on one side that is elsewhere on the other would lose its rows or take others'. */
    private void refuseMovedPartitions(ModelIndex current, ModelIndex desired) {
        for (QualifiedName root : currentTrees.keySet()) {
            Set<QualifiedName> before = names(currentTrees.get(root));
            Set<QualifiedName> after = names(desiredTrees.get(root));
            for (QualifiedName name : rebuilt) {
                boolean movesOut = before.contains(name) && !after.contains(name) && desired.tables().containsKey(name);
                boolean movesIn = after.contains(name) && !before.contains(name) && current.tables().containsKey(name);
                if (movesOut || movesIn) {
                    throw new ConvergeException(ErrorKind.REFUSED, "table " + name + " would " + (movesOut
                            ? "leave" : "join") + " the partitions of " + root + " while " + root + " is rebuilt for"
                            + " its new partitioning: attach or detach it in a plan of its own first");
                }
            }
        }
    }

    boolean isEmpty() {
        return currentTrees.isEmpty();
    }

    /**
     * The current model as the other differs must see it: without the rebuilt tables and what goes with
     * them, and without the foreign keys that point to them (those are dropped by {@link #drops}).
     */
    SchemaModel withoutRebuilt(SchemaModel current) {
        if (isEmpty()) {
            return current;
        }
        Predicate<QualifiedName> kept = name -> !rebuilt.contains(name);
        Predicate<ObjectRef> keptRef = ref -> !(rebuilt.contains(ref.name()) && ref.kind() == ObjectKind.TABLE)
                && !(ref.owner().kind() == ObjectKind.TABLE && rebuilt.contains(ref.owner().name()));
        return new SchemaModel(current.schemas(), current.enums(), current.sequences(),
                current.tables().stream().filter(t -> kept.test(t.name())).toList(),
                current.indexes().stream().filter(i -> kept.test(i.table())).toList(),
                current.foreignKeys().stream().filter(k -> kept.test(k.table()) && kept.test(k.referencedTable())).toList(),
                current.views(), current.routines(),
                current.triggers().stream().filter(t -> kept.test(t.table())).toList(),
                current.policies().stream().filter(p -> kept.test(p.table())).toList(),
                current.rowSecurity().stream().filter(r -> kept.test(r.table())).toList(),
                current.domains(), current.compositeTypes(), current.extensions(), current.materializedViews(),
                current.unmanaged(),
                current.privileges().stream().filter(p -> keptRef.test(p.object())).toList(),
                current.collations(),
                // rules belong to their table, statistics objects go with the table they read; the others that
                // need it (a publication) stay, and are replaced around the rebuild as for a dropped table
                current.catalogObjects().stream().filter(o -> keptRef.test(o.ref()) && !(o.kind() == ObjectKind.STATISTICS
                        && o.dependsOn().stream().anyMatch(keptRef.negate()))).toList());
    }

    /**
     * What the rebuilds take away before they run, as the other differs must know it: the old tables
     * (dropped tables make views, policies and routines that read them be replaced) and the foreign keys
     * of other tables that point to them.
     */
    List<Change> drops(SchemaModel current) {
        List<Change> drops = new ArrayList<>();
        currentTrees.values().forEach(tree -> tree.forEach(t -> drops.add(new DropTable(t))));
        current.foreignKeys().stream()
                .filter(k -> !rebuilt.contains(k.table()) && rebuilt.contains(k.referencedTable()))
                .forEach(k -> drops.add(new DropForeignKey(k)));
        return drops;
    }

    /** The changes with the drops and creations of each rebuilt tree replaced by its one {@link RebuildTable}. */
    List<Change> fuse(List<Change> changes, SchemaModel current, SchemaModel desired) {
        if (isEmpty()) {
            return changes;
        }
        Map<QualifiedName, CreateTable> creations = new LinkedHashMap<>();
        List<Change> fused = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof DropTable drop && rebuilt.contains(drop.table().name())) {
                continue;
            }
            if (change instanceof CreateTable create && rebuilt.contains(create.table().name())) {
                creations.put(create.table().name(), create);
                continue;
            }
            fused.add(change);
        }
        for (QualifiedName root : currentTrees.keySet()) {
            List<DropTable> drops = currentTrees.get(root).stream().map(DropTable::new).toList();
            List<CreateTable> creates = desiredTrees.get(root).stream().map(t -> creations.get(t.name())).toList();
            fused.add(new RebuildTable(root, drops, creates, ownedSequences(root, current, desired)));
        }
        return fused;
    }

    /**
     * The sequences a column of the table owns now, as the desired side has them; one the desired side
     * lacks keeps its owner and goes with the old table, as its drop would.
     */
    private static List<Sequence> ownedSequences(QualifiedName table, SchemaModel current, SchemaModel desired) {
        Set<QualifiedName> owned = new LinkedHashSet<>();
        current.sequences().stream().filter(s -> s.ownedBy() != null && s.ownedBy().name().equals(table))
                .forEach(s -> owned.add(s.name()));
        return desired.sequences().stream().filter(s -> owned.contains(s.name())).toList();
    }

    /** The table, then its partitions and theirs, each parent before its partitions. */
    private static List<Table> tree(Table root, SchemaModel model) {
        List<Table> tree = new ArrayList<>(List.of(root));
        for (int i = 0; i < tree.size(); i++) {
            QualifiedName parent = tree.get(i).name();
            model.tables().stream().filter(t -> t.isPartition() && t.partitionOf().parent().equals(parent))
                    .forEach(tree::add);
        }
        return tree;
    }

    private static Set<QualifiedName> names(List<Table> tables) {
        Set<QualifiedName> names = new LinkedHashSet<>();
        tables.forEach(t -> names.add(t.name()));
        return names;
    }

    private static ConvergeException refusal(Table current, Table desired) {
        // A refusal (3), as for any step the policy does not allow: the annotation below allows it.
        return new ConvergeException(ErrorKind.REFUSED, "table " + desired.name() + " would change its partitioning "
                + describeKey(current) + " -> " + describeKey(desired) + ": PostgreSQL cannot repartition a table in"
                + " place; create a new table, move the rows, and swap the names, or let Converge do it (rename the"
                + " table away, create it again with its partitions, copy the rows in batches, drop the old one, and"
                + " create again what depends on it: keys, indexes, foreign keys pointing to it, triggers, policies,"
                + " grants, views; the table is locked ACCESS EXCLUSIVE until the copy commits) with the annotation"
                + " '-- converge:allow TABLE_REWRITE' on the line before CREATE TABLE " + desired.name());
    }

    static String describeKey(Table table) {
        return table.partitionKey() == null ? "(not partitioned)" : "PARTITION BY " + table.partitionKey();
    }
}
