package dev.converge.api;

import dev.converge.engine.fleet.TargetOutcome;

/**
 * What a fleet apply did to one target.
 *
 * @param name           the target's name
 * @param canary         true when it was applied first, as a canary
 * @param status         applied, already converged, not converged, refused, failed or not started
 * @param failed         true when the outcome counts against the failure budget (refused, failed, not converged)
 * @param steps          steps applied
 * @param durationMillis how long its apply took
 * @param message        the error, refusal or note, or null
 */
public record TargetResult(String name, boolean canary, String status, boolean failed, int steps, long durationMillis,
                           String message) {
    /** True when it was applied (and a re-plan is empty). */
    public boolean applied() {
        return status.equals(TargetOutcome.Status.APPLIED.label());
    }

    static TargetResult of(TargetOutcome o) {
        return new TargetResult(o.name(), o.canary(), o.status().label(), o.status().isFailure(), o.steps(),
                o.durationMillis(), o.message());
    }
}
