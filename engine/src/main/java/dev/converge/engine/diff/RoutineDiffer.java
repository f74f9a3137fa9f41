package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateRoutine;
import dev.converge.engine.change.DropRoutine;
import dev.converge.engine.change.ReplaceRoutine;
import dev.converge.engine.model.Routine;
import java.util.List;

/**
 * RoutineDiffer creates, replaces and drops functions and procedures, one per signature (so an
 * overload is a routine of its own, and changing a signature drops one routine and creates another).
 * A changed routine is replaced in place with {@code CREATE OR REPLACE} when PostgreSQL allows it
 * (same kind, argument list and result type); otherwise it is dropped and created again, and what
 * uses it (views, triggers) is recreated with it by their own differs.
 */
final class RoutineDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        for (Routine desired : to.routines().values()) {
            Routine current = from.routines().get(desired.ref());
            if (current == null) {
                out.add(new CreateRoutine(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
            } else if (current.definition().equals(desired.definition())) {
                Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
            } else if (current.replaceableBy(desired)) {
                out.add(new ReplaceRoutine(current, desired));
                Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
            } else {
                out.add(new DropRoutine(current));
                out.add(new CreateRoutine(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
            }
        }
        for (Routine current : from.routines().values()) {
            if (!to.routines().containsKey(current.ref())) {
                out.add(new DropRoutine(current));
            }
        }
    }
}
