package dev.converge.api;

import dev.converge.engine.apply.ApplyResult;
import java.util.List;

/**
 * What an apply did.
 *
 * @param historyId     the apply's id in the target's history; 0 when the plan was empty
 * @param statementsRun how many statements ran
 * @param durationMillis how long it took
 * @param converged     true when a new plan against the target is empty afterwards
 * @param remaining     the steps a new plan still has, when it did not converge
 */
public record ApplyOutcome(long historyId, int statementsRun, long durationMillis, boolean converged,
                           List<String> remaining) {
    public ApplyOutcome {
        remaining = List.copyOf(remaining);
    }

    static ApplyOutcome of(ApplyResult result) {
        return new ApplyOutcome(result.historyId(), result.statementsRun(), result.durationMillis(), result.converged(),
                result.remaining());
    }
}
