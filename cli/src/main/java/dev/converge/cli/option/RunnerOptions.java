package dev.converge.cli.option;

import dev.converge.engine.apply.StatementRunner;
import dev.converge.engine.plan.StatementLimits;
import dev.converge.engine.spi.SessionTimeouts;
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

    /** The timeouts written on each statement of a plan made by apply itself. */
    public StatementLimits limits() {
        return new StatementLimits(Duration.ofMillis(lockTimeoutMillis), Duration.ofMillis(statementTimeoutMillis));
    }

    /** A runner with these settings and the dialect's timeouts that tells {@code err} each time it waits to retry. */
    public StatementRunner runner(SessionTimeouts timeouts, PrintWriter err) {
        StatementRunner.Settings defaults = StatementRunner.Settings.DEFAULT;
        StatementRunner.Settings settings = new StatementRunner.Settings(Duration.ofMillis(lockTimeoutMillis),
                Duration.ofMillis(statementTimeoutMillis), Duration.ofSeconds(retryBudgetSeconds),
                defaults.initialBackoff(), defaults.maxBackoff());
        return StatementRunner.of(settings, timeouts, (statement, attempt, pause, cause) -> {
            long waited = statement.limits() == null ? lockTimeoutMillis : statement.limits().lockTimeout().toMillis();
            err.println(String.format(Locale.ROOT, "Lock not granted within %d ms (attempt %d); retrying in"
                    + " %d ms: %s", waited, attempt, pause.toMillis(), firstLine(statement.sql())));
            err.flush();
        });
    }

    private static String firstLine(String sql) {
        int newline = sql.indexOf('\n');
        return newline < 0 ? sql : sql.substring(0, newline) + " ...";
    }
}
