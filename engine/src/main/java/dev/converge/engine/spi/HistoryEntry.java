package dev.converge.engine.spi;

import dev.converge.engine.diag.Redaction;
import java.time.Instant;

/**
 * HistoryEntry is one apply as recorded in the target's bookkeeping schema.
 *
 * @param id          assigned by the target; 0 before it is recorded
 * @param planJson    the plan that ran, as JSON (a saved plan: --resume can run it again)
 * @param outcome     one line for people: "converged", "failed at step 4 ...: ..."
 * @param status      one of {@link #RUNNING}, {@link #CONVERGED}, {@link #APPLIED}, {@link #FAILED},
 *                    {@link #ROLLED_BACK}, {@link #INTERRUPTED}
 * @param gitCommit   the commit of the desired files when they were in a git work tree, or null
 * @param environment     the converge.yaml environment it ran for, or null outside a project
 * @param target          the tenant (or environment) it ran for, or null outside a project; tenant
 *                        schemas share their database, and so one history table
 * @param desiredSnapshot the desired schema model it applied (JSON), or null: what drift compares the
 *                        target with, so that a change made outside Converge is told apart from a
 *                        change not yet applied
 * @param note            what else is worth keeping (a promotion check skipped, and by whom), or null;
 *                        PostgreSQL keeps it in the column {@code remark}
 */
public record HistoryEntry(long id, Instant appliedAt, String databaseUser, String desiredHash, String planJson,
                           String outcome, long durationMillis, String status, String gitCommit, String environment,
                           String target, String desiredSnapshot, String note) {
    /** What a history row says goes through the one redactor: a target or a remark may quote a URL. */
    public HistoryEntry {
        outcome = Redaction.text(outcome);
        target = Redaction.text(target);
        note = Redaction.text(note);
    }

    /** Started and not finished: running now, or cut off (its connection died); resumable. */
    public static final String RUNNING = "running";
    /** Every step ran and the target matches the desired state. */
    public static final String CONVERGED = "converged";
    /** Every step ran but the target still differs from the desired state. */
    public static final String APPLIED = "applied";
    /** A step failed; the target is at a recorded checkpoint; resumable. */
    public static final String FAILED = "failed";
    /** A step failed and everything done was undone: the target is as before; nothing to resume. */
    public static final String ROLLED_BACK = "rolled back";
    /** Stopped by a signal at a safe point; resumable. */
    public static final String INTERRUPTED = "interrupted";

    /** An entry without project context (a plain {@code converge apply --url}). */
    public HistoryEntry(long id, Instant appliedAt, String databaseUser, String desiredHash, String planJson,
                        String outcome, long durationMillis, String status, String gitCommit) {
        this(id, appliedAt, databaseUser, desiredHash, planJson, outcome, durationMillis, status, gitCommit, null, null,
                null, null);
    }

    /** The form before statuses: the status is the outcome. */
    public HistoryEntry(long id, Instant appliedAt, String databaseUser, String desiredHash, String planJson,
                        String outcome, long durationMillis) {
        this(id, appliedAt, databaseUser, desiredHash, planJson, outcome, durationMillis, outcome, null);
    }

    /** True for an apply that ran to its end: converged, or applied with a re-plan not empty. */
    public boolean succeeded() {
        return CONVERGED.equals(status) || APPLIED.equals(status);
    }

    /** True when {@code converge apply --resume} can continue this apply. */
    public boolean isResumable() {
        return status.equals(RUNNING) || status.equals(FAILED) || status.equals(INTERRUPTED);
    }
}
