package dev.converge.engine.apply;

/** ApplyResult says what an apply did: the history id it was recorded under, the statements run, the time taken. */
public record ApplyResult(long historyId, int statementsRun, long durationMillis) {
}
