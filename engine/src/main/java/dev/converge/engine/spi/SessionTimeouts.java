package dev.converge.engine.spi;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * SessionTimeouts is how a dialect runs one statement with a limit on its wait for locks and on its
 * run, and how it tells that a statement gave up waiting for a lock: the session settings and error
 * codes differ per server, the retry policy around them ({@link dev.converge.engine.apply.StatementRunner})
 * does not.
 */
public interface SessionTimeouts {
    /** No limits, and no error counts as a lock wait: for dialects that have none. */
    SessionTimeouts NONE = new SessionTimeouts() {
        @Override
        public void attempt(Statement statement, String sql, Duration lockTimeout, Duration statementTimeout,
                            boolean inTransaction) throws SQLException {
            statement.execute(sql);
        }

        @Override
        public boolean isLockWait(SQLException e) {
            return false;
        }
    };

    /**
     * Runs {@code sql} once within the limits (zero: no limit), leaving the session's settings as they
     * were; inside an open transaction a failed attempt must leave the transaction usable.
     */
    void attempt(Statement statement, String sql, Duration lockTimeout, Duration statementTimeout,
                 boolean inTransaction) throws SQLException;

    /** True when {@code e} says the statement gave up waiting for a lock, so that a retry may succeed. */
    boolean isLockWait(SQLException e);
}
