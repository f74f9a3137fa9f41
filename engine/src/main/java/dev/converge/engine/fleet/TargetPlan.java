package dev.converge.engine.fleet;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.phase.ParallelChange;
import dev.converge.engine.spi.HistoryEntry;
import java.util.List;

/**
 * TargetPlan is one target's part of a fleet plan: its plan (or why it could not be planned), the
 * key that groups it with targets whose plans are the same, and how its live schema compares with
 * the last apply.
 *
 * @param groupKey   equal for targets whose plans are identical once the tenant schema is mapped
 *                   back to the template; null when the target could not be planned
 * @param lastApply  the last successful apply recorded for this target, or null
 * @param latest     the latest apply recorded for this target, successful or not, or null
 * @param desiredMoved true when the desired state differs from what the last successful apply left
 *                   (changes not yet applied); with no history, true when the plan has steps
 * @param driftSteps what changed outside Converge since that apply, as a plan from the applied
 *                   snapshot to the live schema; null when there is no drift or it cannot be told
 * @param error      why the target could not be planned, or null
 * @param current    the target's inspected schema, or null when it could not be planned
 * @param wanted     the desired schema for this target (mapped onto its schema), or null likewise
 */
public record TargetPlan(FleetTarget target, Plan plan, String groupKey, Drift drift, HistoryEntry lastApply,
                         HistoryEntry latest, boolean desiredMoved, Plan driftSteps, String error,
                         SchemaModel current, SchemaModel wanted) {
    public TargetPlan {
        requireNonNull(target, "target is null");
    }

    static TargetPlan failed(FleetTarget target, String error) {
        return new TargetPlan(target, null, null, Drift.UNKNOWN, null, null, false, null, error, null, null);
    }

    public boolean failed() {
        return error != null;
    }

    /**
     * The state drift and status report: in sync, pending, drifted, drifted + pending, between expand
     * and contract, error.
     */
    public TargetState state() {
        if (failed()) {
            return TargetState.ERROR;
        }
        if (drift == Drift.DRIFTED) {
            return desiredMoved ? TargetState.DRIFTED_AND_PENDING : TargetState.DRIFTED;
        }
        if (!openParallelChanges().isEmpty()) {
            return TargetState.BETWEEN_PHASES;
        }
        if (!pending()) {
            return TargetState.IN_SYNC;
        }
        return lastApply == null ? TargetState.NEVER_APPLIED : TargetState.PENDING;
    }

    /** The parallel changes expand opened on the target and contract has not closed (none when unplanned). */
    public List<ParallelChange> openParallelChanges() {
        return current == null ? List.of() : ParallelChange.open(current);
    }

    /** True when the target has changes to apply. */
    public boolean pending() {
        return plan != null && !plan.isEmpty();
    }
}
