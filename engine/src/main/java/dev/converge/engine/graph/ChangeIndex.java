package dev.converge.engine.graph;

import dev.converge.engine.change.AddForeignKey;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.CreateRoutine;
import dev.converge.engine.change.ReplaceRoutine;
import dev.converge.engine.change.DropForeignKey;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Policy;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * ChangeIndex finds the changes of a plan by what they touch: by target, by table, by the table a
 * foreign key refers to, by schema; and knows, from the current model, which objects depend on which
 * (columns on types and sequences, views on what they read), so drops can be ordered before the drops
 * of what they need.
 */
final class ChangeIndex {
    private final Map<ObjectRef, List<Change>> byTarget = new HashMap<>();
    private final Map<QualifiedName, List<Change>> byTable = new HashMap<>();
    private final Map<QualifiedName, List<Change>> byReferencedTable = new HashMap<>();
    private final Map<String, List<Change>> bySchema = new HashMap<>();
    /** Current model: object -> the tables (via columns) and views that depend on it. */
    private final Map<ObjectRef, List<ObjectRef>> currentDependents = new HashMap<>();

    /** Current model: partitioned table -> its partitions. */
    private final Map<QualifiedName, List<ObjectRef>> currentPartitions = new HashMap<>();

    /** The changes that create or replace a routine, in plan order. */
    private final List<Change> routineCreations = new ArrayList<>();

    /** Current model: sequence -> the column that owns it. */
    private final Map<ObjectRef, ObjectRef> currentSequenceOwners = new HashMap<>();

    ChangeIndex(List<Change> changes, SchemaModel current) {
        for (Change change : changes) {
            ObjectRef target = change.target();
            byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(change);
            tableOf(change).ifPresent(t -> byTable.computeIfAbsent(t, k -> new ArrayList<>()).add(change));
            referencedTableOf(change).ifPresent(t -> byReferencedTable.computeIfAbsent(t, k -> new ArrayList<>()).add(change));
            bySchema.computeIfAbsent(target.name().schema(), k -> new ArrayList<>()).add(change);
            if (change instanceof CreateRoutine || change instanceof ReplaceRoutine) {
                routineCreations.add(change);
            }
        }
        for (Table table : current.tables()) {
            if (table.partitionOf() != null) {
                currentPartitions.computeIfAbsent(table.partitionOf().parent(), k -> new ArrayList<>()).add(table.ref());
            }
            table.columns().forEach(column -> column.dependsOn().forEach(dep -> addDependent(dep,
                    ObjectRef.member(ObjectKind.COLUMN, table.name(), column.name()))));
        }
        current.sequences().stream().filter(s -> s.ownedBy() != null)
                .forEach(s -> currentSequenceOwners.put(s.ref(), s.ownedBy()));
        for (View view : current.views()) {
            view.dependsOn().forEach(dep -> addDependent(dep, view.ref()));
        }
        for (Routine routine : current.routines()) {
            routine.dependsOn().forEach(dep -> addDependent(dep, routine.ref()));
        }
        for (Trigger trigger : current.triggers()) {
            if (trigger.function() != null) {
                addDependent(trigger.function(), trigger.ref());
            }
            trigger.dependsOn().forEach(dep -> addDependent(dep, trigger.ref()));
        }
        current.materializedViews().forEach(v -> v.dependsOn().forEach(dep -> addDependent(dep, v.ref())));
        current.domains().forEach(d -> d.dependsOn().forEach(dep -> addDependent(dep, d.ref())));
        current.compositeTypes().forEach(t -> t.dependsOn().forEach(dep -> addDependent(dep, t.ref())));
        current.catalogObjects().forEach(o -> o.dependsOn().forEach(dep -> addDependent(dep, o.ref())));
        for (Policy policy : current.policies()) {
            policy.dependsOn().forEach(dep -> addDependent(dep, policy.ref()));
        }
    }

    private void addDependent(ObjectRef dependency, ObjectRef dependent) {
        currentDependents.computeIfAbsent(dependency, k -> new ArrayList<>()).add(dependent);
    }

    private static java.util.Optional<QualifiedName> tableOf(Change change) {
        ObjectRef target = change.target();
        if (change instanceof CreateIndex) {
            return java.util.Optional.of(((CreateIndex) change).index().table());
        }
        if (change instanceof DropIndex) {
            return java.util.Optional.of(((DropIndex) change).index().table());
        }
        if (change instanceof ReplaceIndex) {
            return java.util.Optional.of(((ReplaceIndex) change).to().table());
        }
        boolean inTable = target.kind() == ObjectKind.TABLE || !target.member().isEmpty();
        return inTable ? java.util.Optional.of(target.name()) : java.util.Optional.empty();
    }

    private static java.util.Optional<QualifiedName> referencedTableOf(Change change) {
        if (change instanceof AddForeignKey) {
            return java.util.Optional.of(((AddForeignKey) change).foreignKey().referencedTable());
        }
        if (change instanceof DropForeignKey) {
            return java.util.Optional.of(((DropForeignKey) change).foreignKey().referencedTable());
        }
        return java.util.Optional.empty();
    }

    List<Change> targeting(ObjectRef ref, Predicate<Change> filter) {
        return byTarget.getOrDefault(ref, List.of()).stream().filter(filter).toList();
    }

    List<Change> onTable(QualifiedName table, Predicate<Change> filter) {
        return byTable.getOrDefault(table, List.of()).stream().filter(filter).toList();
    }

    List<Change> referencing(QualifiedName table, Predicate<Change> filter) {
        return byReferencedTable.getOrDefault(table, List.of()).stream().filter(filter).toList();
    }

    List<Change> inSchema(String schema, Predicate<Change> filter) {
        return bySchema.getOrDefault(schema, List.of()).stream().filter(filter).toList();
    }

    /** Objects that, in the current model, depend on {@code ref} (columns as COLUMN refs, views). */
    List<ObjectRef> currentDependentsOf(ObjectRef ref) {
        return currentDependents.getOrDefault(ref, List.of());
    }

    /** The changes that create or replace a routine. */
    List<Change> routineCreations() {
        return routineCreations;
    }

    /** The partitions the table has now. */
    List<ObjectRef> currentPartitionsOf(QualifiedName table) {
        return currentPartitions.getOrDefault(table, List.of());
    }

    /** Sequences a column of the table owns now; {@code column} null means any of its columns. */
    List<ObjectRef> currentSequencesOwnedBy(QualifiedName table, String column) {
        return currentSequenceOwners.entrySet().stream()
                .filter(e -> e.getValue().name().equals(table) && (column == null || e.getValue().member().equals(column)))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
