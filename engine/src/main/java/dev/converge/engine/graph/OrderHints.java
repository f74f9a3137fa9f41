package dev.converge.engine.graph;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateRoutine;
import dev.converge.engine.change.ReplaceRoutine;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Routine;
import java.util.ArrayList;
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
 */
final class OrderHints {
    private final Prerequisites rules;

    OrderHints(Prerequisites rules) {
        this.rules = rules;
    }

    /** For each change with hints, the changes it should come after. */
    Map<Change, List<Change>> of(List<Change> changes) {
        Map<Change, List<Change>> hints = new IdentityHashMap<>();
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
                hints.put(change, before);
            }
        }
        return hints;
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
