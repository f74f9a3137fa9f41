package dev.converge.engine.plan;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * StatementLimits are the timeouts one plan statement runs with: how long it may wait for its lock
 * (per attempt; a lock wait is retried within apply's budget) and how long it may run. They are part of
 * the statement, so a saved plan is applied with the timeouts it was reviewed with.
 *
 * @param lockTimeout      the longest wait for a lock per attempt; zero: no limit
 * @param statementTimeout the longest run; zero: no limit
 */
public record StatementLimits(Duration lockTimeout, Duration statementTimeout) {
    public StatementLimits {
        requireNonNull(lockTimeout, "lockTimeout is null");
        requireNonNull(statementTimeout, "statementTimeout is null");
        if (lockTimeout.isNegative() || statementTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts cannot be negative: " + lockTimeout + ", " + statementTimeout);
        }
    }

    /** The plan with these limits on every statement of every step and of every inverse. */
    public Plan onEveryStatement(Plan plan) {
        return plan.withSteps(plan.steps().stream()
                .map(s -> s.withStatements(limited(s.statements()), limited(s.inverse()))).toList());
    }

    private List<DdlStatement> limited(List<DdlStatement> statements) {
        return statements.stream().map(s -> s.withLimits(this)).toList();
    }
}
