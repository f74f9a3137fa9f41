package dev.converge.engine.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * HistoryStore keeps the record of every apply in the target itself, in the
 * {@link InspectScope#BOOKKEEPING_SCHEMA} schema, created on first use.
 */
public interface HistoryStore {
    /** Creates the bookkeeping schema and table if missing; runs in the caller's transaction. */
    void ensure(Connection connection) throws SQLException;

    /** Records one apply (in the caller's transaction) and returns its id. */
    long record(Connection connection, HistoryEntry entry) throws SQLException;

    /** Past applies, newest first; empty when Converge never applied here. */
    List<HistoryEntry> list(Connection connection, int limit) throws SQLException;

    /**
     * Past applies for one project target (a tenant schema shares its database's table with the
     * other tenants), newest first. Dialects may answer it with a query; this default filters.
     */
    default List<HistoryEntry> listFor(Connection connection, String environment, String target, int limit)
            throws SQLException {
        return list(connection, Integer.MAX_VALUE / 2).stream()
                .filter(e -> environment.equals(e.environment()) && target.equals(e.target()))
                .limit(limit).toList();
    }
}
