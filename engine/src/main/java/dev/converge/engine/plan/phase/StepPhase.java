package dev.converge.engine.plan.phase;

import dev.converge.engine.change.Action;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.Rename;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.HazardCode;

/**
 * StepPhase is where one step of a whole plan belongs when the plan is split: in expand, in
 * contract, or split in two by a parallel change. It reads what the planner already decided (the
 * change's kind and action, the classifier's hazards) and nothing of the planner's internals, so the
 * planner can change shape without this changing.
 */
public enum StepPhase {
    /** The running application survives it: creations, additions, widenings, new constraints and indexes. */
    EXPAND,
    /** Only a release that no longer needs the old shape survives it: removals, narrowings, new NOT NULLs. */
    CONTRACT,
    /** Incompatible in place, but a parallel change splits it: an expand half now, a contract half later. */
    SPLIT;

    public static StepPhase of(PlanStep step) {
        if (step.change() instanceof Rename rename) {
            // Index, constraint and sequence names are not what an application writes through.
            // A column and a table each have a parallel change; a view's old name has none.
            return rename.from().kind() == ObjectKind.COLUMN || rename.from().kind() == ObjectKind.TABLE ? SPLIT
                    : rename.from().kind() == ObjectKind.VIEW ? CONTRACT : EXPAND;
        }
        if (step.action() == Action.DROP && !step.replaces()) {
            return CONTRACT;
        }
        if (step.hazards().stream().anyMatch(h -> h.code() == HazardCode.BACKWARD_INCOMPATIBLE
                || h.code() == HazardCode.DATA_LOSS)) {
            return CONTRACT;
        }
        if (step.change() instanceof AlterColumn alter && alter.kinds().contains(ColumnChangeKind.NOT_NULL)
                && alter.to().notNull()) {
            // An application that still writes NULL there fails once the column refuses it.
            return CONTRACT;
        }
        return EXPAND;
    }
}
