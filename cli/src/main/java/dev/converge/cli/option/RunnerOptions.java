package dev.converge.cli.option;

import dev.converge.api.RetryListener;
import dev.converge.api.StatementSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** RunnerOptions set how apply runs each statement: its timeouts and how long a lock wait is retried. */
public final class RunnerOptions {
    @Option(names = "--lock-timeout", paramLabel = "MILLIS", defaultValue = "5000",
            description = "lock_timeout of each statement, per attempt (default: ${DEFAULT-VALUE} ms; 0: wait forever).")
    public long lockTimeoutMillis = 5000;

    @Option(names = "--statement-timeout", paramLabel = "MILLIS", defaultValue = "0",
            description = "statement_timeout of each statement (default: ${DEFAULT-VALUE}, no limit).")
    public long statementTimeoutMillis;

    @Option(names = "--lock-retry-budget", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long a statement that timed out waiting for its lock is retried, with backoff"
                    + " and jitter, before apply fails (default: ${DEFAULT-VALUE}s; 0: never retry).")
    public long retryBudgetSeconds = 60;

    /** The timeouts of each statement (written on those of a plan made by apply itself) and the retry budget. */
    public StatementSettings settings() {
        return new StatementSettings(Duration.ofMillis(lockTimeoutMillis), Duration.ofMillis(statementTimeoutMillis),
                Duration.ofSeconds(retryBudgetSeconds));
    }

    /** Tells {@code err} each time a statement waits to retry. */
    public static RetryListener retries(PrintWriter err) {
        return (sql, attempt, waited, pause) -> {
            err.println(String.format(Locale.ROOT, "Lock not granted within %d ms (attempt %d); retrying in"
                    + " %d ms: %s", waited.toMillis(), attempt, pause.toMillis(), firstLine(sql)));
            err.flush();
        };
    }

    private static String firstLine(String sql) {
        int newline = sql.indexOf('\n');
        return newline < 0 ? sql : sql.substring(0, newline) + " ...";
    }
}
