package dev.converge.engine.apply;

import java.util.List;

/**
 * ApplyResult says what an apply did: the history id it was recorded under, the statements run, the
 * time taken, its final status and, when the target still differs from the desired state, the
 * descriptions of the steps a new plan would still have.
 */
public record ApplyResult(long historyId, int statementsRun, long durationMillis, String status,
                          List<String> remaining) {
    public ApplyResult {
        remaining = List.copyOf(remaining);
    }

    public ApplyResult(long historyId, int statementsRun, long durationMillis) {
        this(historyId, statementsRun, durationMillis, "applied", List.of());
    }

    public boolean converged() {
        return remaining.isEmpty();
    }
}
