package dev.converge.dialect.mysql.apply;

import dev.converge.engine.spi.SessionTimeouts;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * MysqlSessionTimeouts: MySQL and MariaDB have neither lock_timeout nor RESET; DDL waits for its
 * metadata lock up to lock_wait_timeout (whole seconds), set around the statement and put back to the
 * server's default. Every MySQL DDL statement runs outside a transaction, and statement_timeout has
 * no DDL equivalent there.
 */
public final class MysqlSessionTimeouts implements SessionTimeouts {
    /** ER_LOCK_WAIT_TIMEOUT: a metadata lock not granted within lock_wait_timeout. */
    static final int LOCK_WAIT_TIMEOUT = 1205;

    @Override
    public void attempt(Statement st, String sql, Duration lockTimeout, Duration statementTimeout,
                        boolean inTransaction) throws SQLException {
        long millis = lockTimeout.toMillis();
        if (millis == 0) {
            st.execute(sql);
            return;
        }
        st.execute("SET SESSION lock_wait_timeout = " + Math.max(1, (millis + 999) / 1000));
        try {
            st.execute(sql);
        } finally {
            st.execute("SET SESSION lock_wait_timeout = DEFAULT");
        }
    }

    @Override
    public boolean isLockWait(SQLException e) {
        return e.getErrorCode() == LOCK_WAIT_TIMEOUT;
    }
}
