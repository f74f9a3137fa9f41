package dev.converge.engine.spi;

import java.time.Instant;

/**
 * HistoryEntry is one apply as recorded in the target's bookkeeping schema.
 *
 * @param id              assigned by the target; 0 before it is recorded
 * @param planJson        the plan that ran, as JSON
 * @param outcome         "converged", "applied" (ran but a re-plan was not empty) or "failed: ..."
 * @param environment     the converge.yaml environment it ran for, or null outside a project
 * @param target          the tenant (or environment) it ran for, or null outside a project; several
 *                        tenant schemas share one database, and so one history table
 * @param desiredSnapshot the desired schema model it applied (JSON), or null: what drift compares
 *                        the target with, so that a change made outside Converge is told apart from
 *                        a change not yet applied
 * @param note            what else is worth keeping (a promotion check skipped, and by whom), or null
 */
public record HistoryEntry(long id, Instant appliedAt, String databaseUser, String desiredHash, String planJson,
                           String outcome, long durationMillis, String environment, String target,
                           String desiredSnapshot, String note) {
    /** An entry without project context (a plain {@code converge apply --url}). */
    public HistoryEntry(long id, Instant appliedAt, String databaseUser, String desiredHash, String planJson,
                        String outcome, long durationMillis) {
        this(id, appliedAt, databaseUser, desiredHash, planJson, outcome, durationMillis, null, null, null, null);
    }

    /** True for an apply that ran to its end (whether or not a re-plan was empty). */
    public boolean succeeded() {
        return outcome != null && !outcome.startsWith("failed");
    }
}
