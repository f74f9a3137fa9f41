package dev.converge.api;

import java.time.Duration;

/** Hears each time a statement that waited too long for its lock is retried. */
@FunctionalInterface
public interface RetryListener {
    RetryListener SILENT = (sql, attempt, waited, pause) -> { };

    /**
     * @param sql     the statement
     * @param attempt the attempt that timed out (1 for the first)
     * @param waited  how long it waited for its lock (its lock timeout)
     * @param pause   how long until the next attempt
     */
    void retrying(String sql, int attempt, Duration waited, Duration pause);
}
