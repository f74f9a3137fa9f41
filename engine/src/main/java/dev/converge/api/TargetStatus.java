package dev.converge.api;

/**
 * One target of an environment, as plan and drift see it.
 *
 * @param name    the target's name (the environment, or the tenant)
 * @param state   in sync, pending, never applied, drifted, drifted + pending, or error
 * @param pending true when it has changes to apply
 * @param drifted true when its schema changed outside Converge since its last apply
 * @param steps   the steps of its plan (0 when in sync or failed)
 * @param error   why it could not be planned, or null
 */
public record TargetStatus(String name, String state, boolean pending, boolean drifted, int steps, String error) {
}
