package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateTrigger;
import dev.converge.engine.change.DropRoutine;
import dev.converge.engine.change.DropTrigger;
import dev.converge.engine.change.DropView;
import dev.converge.engine.change.SetTriggerState;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Trigger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * TriggerDiffer creates, replaces and drops triggers and changes their enable state. A trigger is
 * replaced when its definition changes, and also when the plan drops the routine it executes (a
 * routine whose signature or result changes is dropped and created again): PostgreSQL refuses to drop
 * a function a trigger uses. A trigger whose table or view the plan drops goes with it; one on a view
 * the plan drops and creates again is created again after it (INSTEAD OF triggers). A trigger that
 * depends on a replaced trigger is replaced too (MySQL's FOLLOWS order).
 */
final class TriggerDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        Set<ObjectRef> replaced = replaced(from, to, out);
        // a view the plan drops (to create it again) takes its triggers with it
        Set<QualifiedName> droppedViews = out.stream().filter(DropView.class::isInstance)
                .map(c -> c.target().name()).collect(Collectors.toSet());
        for (Trigger desired : to.triggers().values()) {
            Trigger current = from.triggers().get(desired.ref());
            if (current == null || droppedViews.contains(current.table())) {
                out.add(new CreateTrigger(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
            } else if (replaced.contains(desired.ref())) {
                out.add(new DropTrigger(current));
                out.add(new CreateTrigger(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
            } else {
                if (current.enabled() != desired.enabled()) {
                    out.add(new SetTriggerState(current, desired));
                }
                Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
            }
        }
        for (Trigger current : from.triggers().values()) {
            boolean onKeptRelation = to.tables().containsKey(current.table())
                    || to.views().containsKey(current.table()) && !droppedViews.contains(current.table());
            if (!to.triggers().containsKey(current.ref()) && onKeptRelation) {
                out.add(new DropTrigger(current));
            }
        }
    }

    /**
     * The triggers on both sides that are dropped and created again: those whose definition changes or
     * whose routine the plan drops, and then, until nothing is added, those that depend on a replaced
     * trigger (a MySQL trigger created again goes last among the triggers of its table, timing and
     * event, so the ones that FOLLOW it must be created again after it to keep their order).
     */
    private static Set<ObjectRef> replaced(ModelIndex from, ModelIndex to, List<Change> out) {
        Set<ObjectRef> droppedRoutines = out.stream().filter(DropRoutine.class::isInstance)
                .map(Change::target).collect(Collectors.toSet());
        Set<ObjectRef> replaced = new HashSet<>();
        for (Trigger desired : to.triggers().values()) {
            Trigger current = from.triggers().get(desired.ref());
            if (current != null && (!current.definition().equals(desired.definition())
                    || droppedRoutines.contains(current.function()))) {
                replaced.add(desired.ref());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Trigger desired : to.triggers().values()) {
                if (from.triggers().containsKey(desired.ref()) && !replaced.contains(desired.ref())
                        && desired.dependsOn().stream().anyMatch(replaced::contains)) {
                    replaced.add(desired.ref());
                    grew = true;
                }
            }
        }
        return replaced;
    }
}
