package dev.converge.engine.spi;

import java.time.Instant;

/**
 * Checkpoint is one step's record in an apply, kept in the target and committed together with the
 * work it records: a step is {@link #DONE} exactly when its effect is committed.
 *
 * @param applyId     the history id of the apply
 * @param step        the step number in the plan
 * @param stepId      the stable step id
 * @param group       the number of the transaction group the step ran in (1-based)
 * @param status      {@link #STARTED}, {@link #DONE}, {@link #FAILED}, {@link #ROLLED_BACK} or {@link #UNDONE}
 * @param statement   the SQL that ran (or failed), statements separated by ";\n"
 * @param error       the server's error for a failed step, else null
 * @param fingerprint the fingerprint of the target's schema right after the step's group committed
 *                    (what --resume compares the target with), or null when not known
 */
public record Checkpoint(long applyId, int step, String stepId, int group, String status, Instant startedAt,
                         Instant finishedAt, String statement, String error, String fingerprint) {
    /** A server's error may quote row values (a duplicate key) or a URL: what is kept goes through the one redactor. */
    public Checkpoint {
        error = dev.converge.engine.diag.Redaction.text(error);
    }

    /**
     * Recorded (and committed) before a non-transactional step runs: if the apply is cut off before the
     * step's DONE, the step may have run in full, in part (an INVALID index), or not at all.
     */
    public static final String STARTED = "started";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    /** Ran in a transaction that was rolled back: no effect. */
    public static final String ROLLED_BACK = "rolled back";
    /** Done, then undone by its inverse statements after a later step failed. */
    public static final String UNDONE = "undone";
}
