package dev.converge.engine.fleet;

/**
 * TargetState is what drift and status say about a target. Drift is a change made outside Converge
 * since its last successful apply (the live schema differs from the desired snapshot recorded
 * then); pending is a change of the desired state not yet applied. A target can be both. A target
 * between the two phases of a parallel change holds Converge's own objects until contract removes them.
 */
public enum TargetState {
    IN_SYNC("in sync"),
    PENDING("pending"),
    NEVER_APPLIED("never applied"),
    DRIFTED("drifted"),
    DRIFTED_AND_PENDING("drifted + pending"),
    /** Expand has run and contract has not: the parallel change's objects are expected, not drift. */
    BETWEEN_PHASES("between expand and contract"),
    ERROR("error");

    private final String label;

    TargetState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean drifted() {
        return this == DRIFTED || this == DRIFTED_AND_PENDING;
    }

    public boolean pending() {
        return this == PENDING || this == NEVER_APPLIED || this == DRIFTED_AND_PENDING || this == BETWEEN_PHASES;
    }
}
