package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateRoutine;
import dev.converge.engine.change.DropRoutine;
import dev.converge.engine.change.ReplaceRoutine;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Routine;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * RoutineDiffer creates, replaces and drops functions and procedures, one per signature (so an
 * overload is a routine of its own, and changing a signature drops one routine and creates another).
 * A changed routine is replaced in place with {@code CREATE OR REPLACE} when PostgreSQL allows it
 * (same kind, argument list and result type); otherwise it is dropped and created again, and what
 * uses it (views, triggers) is recreated with it by their own differs.
 *
 * <p>A routine is also dropped and created again when something it depends on goes away under it: a
 * column its SQL-standard body ({@code BEGIN ATOMIC}) reads whose type changes or that is dropped
 * (PostgreSQL refuses both while the routine exists), a dropped table or type it takes or returns, a
 * routine it calls that is itself dropped and created again. Only {@link Routine#dependsOn()} counts:
 * what a PL/pgSQL body reads is resolved when it runs and never blocks a change.
 */
final class RoutineDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        Set<ObjectRef> recreate = recreated(from, to, ViewDiffer.disturbedObjects(out));
        for (Routine desired : to.routines().values()) {
            Routine current = from.routines().get(desired.ref());
            if (current == null) {
                out.add(new CreateRoutine(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
            } else if (recreate.contains(current.ref())) {
                out.add(new DropRoutine(current));
                out.add(new CreateRoutine(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
            } else if (current.definition().equals(desired.definition())) {
                Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
            } else {
                out.add(new ReplaceRoutine(current, desired));
                Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
            }
        }
        for (Routine current : from.routines().values()) {
            if (!to.routines().containsKey(current.ref())) {
                out.add(new DropRoutine(current));
            }
        }
    }

    /**
     * The kept routines that must be dropped and created again: those PostgreSQL cannot replace in
     * place, and, until nothing more is added, those that depend on a disturbed object or on a routine
     * that goes (dropped for good or dropped to be created again).
     */
    private static Set<ObjectRef> recreated(ModelIndex from, ModelIndex to, Set<ObjectRef> disturbed) {
        Set<ObjectRef> gone = new TreeSet<>(disturbed);
        from.routines().values().stream().filter(r -> !to.routines().containsKey(r.ref()))
                .forEach(r -> gone.add(r.ref()));
        Set<ObjectRef> recreate = new TreeSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Routine current : from.routines().values()) {
                Routine desired = to.routines().get(current.ref());
                if (desired == null || recreate.contains(current.ref())) {
                    continue;
                }
                boolean notReplaceable = !current.definition().equals(desired.definition())
                        && !current.replaceableBy(desired);
                if (notReplaceable || current.dependsOn().stream().anyMatch(gone::contains)) {
                    recreate.add(current.ref());
                    gone.add(current.ref());
                    grew = true;
                }
            }
        }
        return recreate;
    }
}
