package dev.converge.dialect.postgres.inspect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * ReadOnlySnapshot runs catalog reads in one consistent snapshot with an empty search_path, and gives
 * the connection back as it found it.
 *
 * <p>With autocommit on (the usual case) it opens its own REPEATABLE READ, READ ONLY transaction and
 * rolls it back. When the caller is already inside a transaction it cannot change that transaction's
 * isolation, so it works under a savepoint instead and rolls back to it: that also undoes the
 * transaction-local search_path. The empty search_path is what makes format_type, pg_get_expr,
 * pg_get_constraintdef, pg_get_indexdef and pg_get_viewdef schema-qualify every name they print, so
 * that text from a shadow database and from the target compare equal.
 */
final class ReadOnlySnapshot {
    private ReadOnlySnapshot() {
    }

    /** Work done inside the snapshot. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static <T> T run(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            return inOwnTransaction(connection, work);
        }
        return underSavepoint(connection, work);
    }

    private static <T> T inOwnTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            try (Statement st = connection.createStatement()) {
                // Must be the first statement of the transaction; pgjdbc sends BEGIN just before it.
                st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            catalogSettings(connection);
            result = work.run(connection);
        } catch (SQLException | RuntimeException e) {
            restore(e, () -> {
                connection.rollback();
                connection.setAutoCommit(true);
            });
            throw e;
        }
        connection.rollback();
        connection.setAutoCommit(true);
        return result;
    }

    private static <T> T underSavepoint(Connection connection, Work<T> work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        T result;
        try {
            catalogSettings(connection);
            result = work.run(connection);
        } catch (SQLException | RuntimeException e) {
            restore(e, () -> {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            });
            throw e;
        }
        connection.rollback(savepoint);
        connection.releaseSavepoint(savepoint);
        return result;
    }

    /** Cleanup after a failure: a second failure is attached to the first, never hides it. */
    private static void restore(Exception failure, Cleanup cleanup) {
        try {
            cleanup.run();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    @FunctionalInterface
    private interface Cleanup {
        void run() throws SQLException;
    }

    /**
     * Sets the transaction-local settings every catalog query relies on: the empty search_path; JIT
     * off, because the planner's estimates on catalogs without fresh statistics (a shadow just
     * loaded) often cross jit_above_cost, and compiling then costs more than the whole query; and a
     * work_mem large enough that hashing the columns of a 10,000-table schema (about 175,000 rows)
     * stays in memory instead of spilling to disk in batches, which doubled the time of that query.
     */
    private static void catalogSettings(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT pg_catalog.set_config('search_path', '', true), pg_catalog.set_config('jit', 'off', true),"
                    + " pg_catalog.set_config('work_mem', '64MB', true)");
        }
    }
}
