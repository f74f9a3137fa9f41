package dev.converge.engine.graph;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.CreateRoutine;
import dev.converge.engine.change.CreateTable;
import dev.converge.engine.change.SetPartitionOf;
import dev.converge.engine.change.ReplaceRoutine;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * OrderHints are orders that help but that nothing requires: a routine whose procedural body reads a
 * table, view, sequence or routine is created after it, so that whatever runs the routine during the
 * apply (a default filled in for the existing rows of a table, a check validated on them, a
 * materialized view filled when it is created) finds what the body reads. PostgreSQL does not check a
 * PL/pgSQL body when the routine is created, so a hint that would close a cycle is simply left out
 * ({@link ChangeGraph}); the usual one is a table whose default calls a function that reads the table.
 *
 * <p>A new index of a table comes before the partitions the plan adds to that table (created or
 * attached): a dialect that builds such an index partition by partition (PostgreSQL's ON ONLY, then
 * each partition) knows only the partitions that exist, and a partition added afterwards receives
 * its copy of the index from the server.
 */
final class OrderHints {
    private final Prerequisites rules;

    OrderHints(Prerequisites rules) {
        this.rules = rules;
    }

    /** For each change with hints, the changes it should come after. */
    Map<Change, List<Change>> of(List<Change> changes) {
        Map<Change, List<Change>> hints = new IdentityHashMap<>();
        Map<QualifiedName, List<Change>> newIndexes = new HashMap<>();
        for (Change change : changes) {
            if (change instanceof CreateIndex create) {
                newIndexes.computeIfAbsent(create.index().table(), t -> new ArrayList<>()).add(change);
            }
        }
        for (Change change : changes) {
            QualifiedName parent = partitionParentAddedBy(change);
            if (parent != null && newIndexes.containsKey(parent)) {
                hints.put(change, new ArrayList<>(newIndexes.get(parent)));
            }
        }
        for (Change change : changes) {
            Routine routine = routineCreatedBy(change);
            if (routine == null || routine.bodyReads().isEmpty()) {
                continue;
            }
            List<Change> before = new ArrayList<>();
            for (ObjectRef read : routine.bodyReads()) {
                before.addAll(rules.creatorsOf(read));
            }
            before.removeIf(c -> c == change);
            if (!before.isEmpty()) {
                hints.computeIfAbsent(change, c -> new ArrayList<>()).addAll(before);
            }
        }
        return hints;
    }

    /** The table a change makes the changed table a partition of: a new partition or an attach. */
    private static QualifiedName partitionParentAddedBy(Change change) {
        if (change instanceof CreateTable create && create.table().partitionOf() != null) {
            return create.table().partitionOf().parent();
        }
        if (change instanceof SetPartitionOf set && set.to() != null) {
            return set.to().parent();
        }
        return null;
    }

    private static Routine routineCreatedBy(Change change) {
        if (change instanceof CreateRoutine) {
            return ((CreateRoutine) change).routine();
        }
        if (change instanceof ReplaceRoutine) {
            return ((ReplaceRoutine) change).to();
        }
        return null;
    }
}
