package dev.converge.api;

/**
 * What a fleet apply did to one target.
 *
 * @param name    the target's name
 * @param status  applied, already converged, not converged, refused, failed or not started
 * @param failed  true when the outcome counts against the failure budget (refused, failed, not converged)
 * @param steps   steps applied
 * @param message the error, refusal or note, or null
 */
public record TargetResult(String name, String status, boolean failed, int steps, String message) {
}
