package dev.converge.engine.spi;

import java.time.Instant;

/**
 * HistoryEntry is one apply as recorded in the target's bookkeeping schema.
 *
 * @param id          assigned by the target; 0 before it is recorded
 * @param planJson    the plan that ran, as JSON
 * @param outcome     "converged", "applied" (ran but a re-plan was not empty) or "failed: ..."
 */
public record HistoryEntry(long id, Instant appliedAt, String databaseUser, String desiredHash, String planJson,
                           String outcome, long durationMillis) {
}
