package dev.converge.engine.apply;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.spi.SessionTimeouts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/**
 * StatementRunner runs one plan statement with its own lock and statement timeouts (set the dialect's
 * way: {@link SessionTimeouts}), and retries it when it could not get its lock in time, with exponential
 * backoff and jitter, within a budget; then it fails with a message that says what waited for how long.
 *
 * <p>Why retry instead of waiting: a DDL statement waiting for ACCESS EXCLUSIVE blocks every query that
 * queues behind it, so it must give up quickly (a short lock_timeout), let the queue drain, and try
 * again. Inside the apply's transaction each attempt runs under a savepoint, so a timed-out attempt is
 * rolled back alone and the transaction goes on; outside a transaction (autocommit) the failed
 * statement is already rolled back, and a statement with a cleanup (CREATE INDEX CONCURRENTLY leaves an
 * INVALID index) gets its cleanup run before the next attempt and after a final failure.
 */
public final class StatementRunner implements StatementExecutor {
    /** SQLSTATE lock_not_available: lock_timeout expired (or NOWAIT). */
    public static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Settings settings;
    private final SessionTimeouts timeouts;
    private final Random random;
    private final Sleeper sleeper;
    private final Listener listener;

    /**
     * How statements run.
     *
     * @param lockTimeout      the longest a statement waits for a lock per attempt; zero means no limit
     * @param statementTimeout the longest a statement runs; zero means no limit
     * @param retryBudget      total time spent retrying a statement (waits and backoff); zero: never retry
     * @param initialBackoff   the pause before the first retry; doubled each time, with jitter
     * @param maxBackoff       the longest pause between two attempts
     */
    public record Settings(Duration lockTimeout, Duration statementTimeout, Duration retryBudget,
                           Duration initialBackoff, Duration maxBackoff) {
        /** 5s per attempt, retried for up to a minute; statements themselves are not limited. */
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(5), Duration.ZERO,
                Duration.ofSeconds(60), Duration.ofMillis(200), Duration.ofSeconds(10));

        public Settings {
            requireNonNull(lockTimeout, "lockTimeout is null");
            requireNonNull(statementTimeout, "statementTimeout is null");
            requireNonNull(retryBudget, "retryBudget is null");
            requireNonNull(initialBackoff, "initialBackoff is null");
            requireNonNull(maxBackoff, "maxBackoff is null");
        }
    }

    /** Pauses between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Told before each retry, so the user sees why apply is waiting. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (statement, attempt, pause, cause) -> { };

        void retrying(DdlStatement statement, int attempt, Duration pause, SQLException cause);
    }

    /** The lock was not granted within the budget: a clear failure, still a SQLException with 55P03. */
    public static final class LockNotAvailableException extends SQLException {
        private static final long serialVersionUID = 1L;

        LockNotAvailableException(String message, SQLException cause) {
            super(message, LOCK_NOT_AVAILABLE, cause);
        }
    }

    public StatementRunner(Settings settings, SessionTimeouts timeouts, Random random, Sleeper sleeper,
                           Listener listener) {
        this.settings = requireNonNull(settings, "settings is null");
        this.timeouts = requireNonNull(timeouts, "timeouts is null");
        this.random = requireNonNull(random, "random is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    /** The default settings, real sleeps, no listener. */
    public static StatementRunner standard(SessionTimeouts timeouts) {
        return of(Settings.DEFAULT, timeouts, Listener.NONE);
    }

    /** A runner with real sleeps and random jitter. */
    public static StatementRunner of(Settings settings, SessionTimeouts timeouts, Listener listener) {
        return new StatementRunner(settings, timeouts, new Random(), d -> Thread.sleep(d.toMillis()), listener);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Runs {@code statement} on {@code connection}: inside its open transaction when auto-commit is off,
     * on its own otherwise.
     */
    public void run(Connection connection, DdlStatement statement) throws SQLException {
        execute(connection, statement, new ApplyInterrupt());
    }

    /** As {@link #run}, cancellable by {@code interrupt}: a requested stop also ends the retries. */
    @Override
    public void execute(Connection connection, DdlStatement statement, ApplyInterrupt interrupt) throws SQLException {
        boolean inTransaction = !connection.getAutoCommit();
        // A statement of a saved plan carries the timeouts it was planned with; others get the settings'.
        Duration lockTimeout = statement.limits() == null ? settings.lockTimeout() : statement.limits().lockTimeout();
        Duration statementTimeout = statement.limits() == null ? settings.statementTimeout()
                : statement.limits().statementTimeout();
        long waited = 0;
        int attempt = 1;
        try (Statement st = connection.createStatement()) {
            while (true) {
                try {
                    interrupt.running(st);
                    try {
                        timeouts.attempt(st, statement.sql(), lockTimeout, statementTimeout, inTransaction);
                    } finally {
                        interrupt.running(null);
                    }
                    return;
                } catch (SQLException e) {
                    if (!inTransaction) {
                        cleanup(st, statement);
                    }
                    if (!timeouts.isLockWait(e) || interrupt.requested()) {
                        throw e;
                    }
                    waited += lockTimeout.toMillis();
                    Duration pause = pause(attempt);
                    if (waited + pause.toMillis() + lockTimeout.toMillis() > settings.retryBudget().toMillis()) {
                        throw new LockNotAvailableException(gaveUp(statement, lockTimeout, attempt, waited), e);
                    }
                    listener.retrying(statement, attempt, pause, e);
                    sleep(pause);
                    waited += pause.toMillis();
                    attempt++;
                }
            }
        }
    }

    /** Runs the statement's cleanup after a failure outside a transaction; its own failure must not hide the first. */
    private static void cleanup(Statement st, DdlStatement statement) {
        if (statement.cleanup() == null) {
            return;
        }
        try {
            st.execute(statement.cleanup());
        } catch (SQLException ignored) {
            // The original error is what the user needs; the cleanup is retried by the next apply.
        }
    }

    /** Exponential backoff with "equal jitter": half fixed, half random, capped. */
    private Duration pause(int attempt) {
        long base = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : (long) (random.nextDouble() * half)));
    }

    private void sleep(Duration pause) throws SQLException {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to retry a statement", e);
        }
    }

    private String gaveUp(DdlStatement statement, Duration lockTimeout, int attempts, long waitedMillis) {
        return String.format(Locale.ROOT, "could not get the lock it needs within lock_timeout %dms, %d %s over"
                        + " about %.1fs (retry budget %.1fs): another session holds a conflicting lock. Statement: %s."
                        + " Retry when the table is quieter, or raise --lock-timeout / --lock-retry-budget.",
                lockTimeout.toMillis(), attempts, attempts == 1 ? "attempt" : "attempts",
                waitedMillis / 1000.0, settings.retryBudget().toMillis() / 1000.0, statement.sql());
    }
}
