package dev.converge.api;

import dev.converge.engine.apply.StatementRunner;
import dev.converge.engine.plan.StatementLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How each statement of an apply runs: its lock and statement timeouts (zero: none), and how long a
 * statement that timed out waiting for its lock is retried, with backoff and jitter, before the apply
 * fails ({@code --lock-timeout}, {@code --statement-timeout}, {@code --lock-retry-budget}). A plan
 * writes the two timeouts on every statement, so that a saved plan runs with those it was reviewed with.
 */
public record StatementSettings(Duration lockTimeout, Duration statementTimeout, Duration retryBudget) {
    /** 5 seconds' lock timeout, no statement timeout, lock waits retried for a minute. */
    public static final StatementSettings DEFAULT = new StatementSettings(StatementRunner.Settings.DEFAULT.lockTimeout(),
            StatementRunner.Settings.DEFAULT.statementTimeout(), StatementRunner.Settings.DEFAULT.retryBudget());

    public StatementSettings {
        Objects.requireNonNull(lockTimeout, "lockTimeout is null");
        Objects.requireNonNull(statementTimeout, "statementTimeout is null");
        Objects.requireNonNull(retryBudget, "retryBudget is null");
    }

    StatementLimits limits() {
        return new StatementLimits(lockTimeout, statementTimeout);
    }

    StatementRunner.Settings runner() {
        StatementRunner.Settings defaults = StatementRunner.Settings.DEFAULT;
        return new StatementRunner.Settings(lockTimeout, statementTimeout, retryBudget, defaults.initialBackoff(),
                defaults.maxBackoff());
    }
}
