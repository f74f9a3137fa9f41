package dev.converge.dialect.postgres.apply;

import dev.converge.engine.spi.SessionTimeouts;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgresSessionTimeouts sets lock_timeout and statement_timeout around each statement. Inside the
 * apply's transaction they are SET LOCAL (they end with the transaction) and the statement runs under
 * a savepoint, so a timed-out attempt rolls back alone and the transaction goes on; outside one they
 * are SET and RESET afterwards.
 */
public final class PostgresSessionTimeouts implements SessionTimeouts {
    /** SQLSTATE lock_not_available: lock_timeout expired (or NOWAIT). */
    static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String SAVEPOINT = "converge_statement";

    @Override
    public void attempt(Statement st, String sql, Duration lockTimeout, Duration statementTimeout,
                        boolean inTransaction) throws SQLException {
        if (inTransaction) {
            st.execute("SET LOCAL lock_timeout = " + lockTimeout.toMillis());
            st.execute("SET LOCAL statement_timeout = " + statementTimeout.toMillis());
            st.execute("SAVEPOINT " + SAVEPOINT);
            try {
                st.execute(sql);
            } catch (SQLException e) {
                st.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                throw e;
            }
            st.execute("RELEASE SAVEPOINT " + SAVEPOINT);
            return;
        }
        st.execute("SET lock_timeout = " + lockTimeout.toMillis());
        st.execute("SET statement_timeout = " + statementTimeout.toMillis());
        try {
            st.execute(sql);
        } finally {
            st.execute("RESET lock_timeout");
            st.execute("RESET statement_timeout");
        }
    }

    @Override
    public boolean isLockWait(SQLException e) {
        return LOCK_NOT_AVAILABLE.equals(e.getSQLState());
    }
}
