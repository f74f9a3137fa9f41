package dev.converge.api;

import java.time.Instant;

/**
 * One apply recorded in a target's history (newest first in {@link Converge#history}).
 *
 * @param id             the apply's id
 * @param appliedAt      when it started
 * @param databaseUser   who ran it
 * @param status         converged, applied, failed, rolled back, interrupted or running
 * @param outcome        one line for people
 * @param durationMillis how long it took
 * @param gitCommit      the commit of the desired files, or null
 * @param environment    the converge.yaml environment, or null outside a project
 * @param desiredHash    the hash of the desired state it applied
 * @param planJson       the plan it applied, as JSON: its target, and its steps with their number,
 *                       symbol, description and SQL
 */
public record HistoryRecord(long id, Instant appliedAt, String databaseUser, String status, String outcome,
                            long durationMillis, String gitCommit, String environment, String desiredHash,
                            String planJson) {
}
