package dev.converge.engine.fleet;

/** Drift says how a target's live schema compares with what Converge last applied to it. */
public enum Drift {
    /** The live schema is what the last successful apply left. */
    NONE,
    /** The live schema changed since the last successful apply: someone changed it outside Converge. */
    DRIFTED,
    /** Converge never applied here (or the history predates snapshots): drift cannot be told. */
    UNKNOWN
}
