package dev.converge.api;

import java.time.Instant;

/**
 * One step event of a recorded apply (done, failed, rolled back, undone), in the order recorded:
 * what {@code converge apply --resume} continues from ({@link Converge#checkpoints}).
 *
 * @param step        the step's number in the apply's plan
 * @param stepId      the step's stable id
 * @param group       the transaction group it ran in
 * @param status      what happened to it
 * @param startedAt   when it started
 * @param finishedAt  when it ended
 * @param statement   the statement it ran
 * @param error       the server's error, or null
 * @param fingerprint the schema's fingerprint after it, or null
 */
public record HistoryCheckpoint(int step, String stepId, int group, String status, Instant startedAt,
                                Instant finishedAt, String statement, String error, String fingerprint) {
}
