package dev.converge.engine.fleet;

import java.time.Instant;
import java.util.List;

/**
 * FleetApplyResult is the outcome of a fleet apply: one {@link TargetOutcome} per target in target
 * order, and why the rollout stopped early, if it did.
 *
 * @param stopReason null when every target was attempted
 */
public record FleetApplyResult(String environment, String desiredHash, Instant startedAt, long durationMillis,
                               List<TargetOutcome> outcomes, String stopReason, String promotionNote) {
    public FleetApplyResult {
        outcomes = List.copyOf(outcomes);
    }

    public long count(TargetOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public long failures() {
        return outcomes.stream().filter(o -> o.status().isFailure()).count();
    }

    /** True when every target ended applied or already converged. */
    public boolean allConverged() {
        return outcomes.stream().allMatch(o -> o.status() == TargetOutcome.Status.APPLIED
                || o.status() == TargetOutcome.Status.CONVERGED);
    }
}
