package dev.converge.cli.option;

import dev.converge.api.StatementSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * StatementTimeoutOptions are the timeouts {@code plan} writes on every statement it plans, so that a
 * saved plan is applied with the timeouts it was reviewed with (apply's own options, {@link RunnerOptions},
 * have the same names and defaults).
 */
public final class StatementTimeoutOptions {
    @Option(names = "--lock-timeout", paramLabel = "MILLIS", defaultValue = "5000",
            description = "lock_timeout written on each planned statement, per attempt (default: ${DEFAULT-VALUE} ms;"
                    + " 0: wait forever).")
    public long lockTimeoutMillis = 5000;

    @Option(names = "--statement-timeout", paramLabel = "MILLIS", defaultValue = "0",
            description = "statement_timeout written on each planned statement (default: ${DEFAULT-VALUE}, no limit).")
    public long statementTimeoutMillis;

    /** The timeouts to write on each statement (a plan does not retry: the retry budget is apply's). */
    public StatementSettings settings() {
        return new StatementSettings(Duration.ofMillis(lockTimeoutMillis), Duration.ofMillis(statementTimeoutMillis),
                StatementSettings.DEFAULT.retryBudget());
    }
}
