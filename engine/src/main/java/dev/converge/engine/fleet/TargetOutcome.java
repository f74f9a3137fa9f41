package dev.converge.engine.fleet;

import static java.util.Objects.requireNonNull;

/**
 * TargetOutcome is what a fleet apply did to one target.
 *
 * @param steps      steps applied (0 when nothing ran)
 * @param historyId  the history row of the apply, or 0
 * @param message    the error, refusal or note; null when there is nothing to say
 */
public record TargetOutcome(String name, String target, boolean canary, Status status, int steps,
                            long durationMillis, long historyId, String message) {
    /** How a target's apply ended. */
    public enum Status {
        /** Applied, and a re-plan is empty. */
        APPLIED("applied"),
        /** Nothing to do: the target already matched the desired state. */
        CONVERGED("already converged"),
        /** Applied, but a re-plan still has steps. */
        NOT_CONVERGED("not converged"),
        /** Not applied: the plan has destructive steps the environment's policy does not allow. */
        REFUSED("refused"),
        /** The apply failed and was rolled back. */
        FAILED("failed"),
        /** Not attempted: the rollout stopped first. */
        NOT_STARTED("not started");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** True for outcomes that count against the failure budget. */
        public boolean isFailure() {
            return this == FAILED || this == REFUSED || this == NOT_CONVERGED;
        }
    }

    public TargetOutcome {
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
    }

    static TargetOutcome notStarted(FleetTarget target, boolean canary) {
        return new TargetOutcome(target.name(), target.display(), canary, Status.NOT_STARTED, 0, 0, 0, null);
    }
}
