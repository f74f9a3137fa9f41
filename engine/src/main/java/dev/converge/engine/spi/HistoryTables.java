package dev.converge.engine.spi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * HistoryTables is what one dialect says about the bookkeeping tables that
 * {@link dev.converge.engine.apply.JdbcHistoryStore} reads and writes: how they are created and
 * upgraded (DDL and the lock that keeps two creators apart), how they are named, and the few column
 * types that differ between servers (JSON documents, instants). Every query and row mapping is the
 * store's, written once.
 */
public interface HistoryTables {
    /** An identifier quoted as the server needs it. */
    String quote(String identifier);

    /** The history table in the bookkeeping schema. */
    default String history() {
        return quote(InspectScope.BOOKKEEPING_SCHEMA) + "." + quote("history");
    }

    /** The checkpoints table in the bookkeeping schema. */
    default String checkpoints() {
        return quote(InspectScope.BOOKKEEPING_SCHEMA) + "." + quote("checkpoints");
    }

    /** Creates the schema and tables if missing and adds the columns newer versions need. */
    void ensure(Connection connection) throws SQLException;

    /** True when the history table exists (a target Converge never applied to has none). */
    boolean exists(Connection connection) throws SQLException;

    /** The parameter marker for a JSON document column: a plain marker unless the server needs a type. */
    default String jsonParameter() {
        return "?";
    }

    /** An expression that reads a JSON document column as text. */
    default String jsonText(String column) {
        return column;
    }

    /**
     * The column that says which database a row is about, with the expression of the connection's
     * database, where one bookkeeping schema serves every database of a server; empty where each
     * database keeps its own.
     */
    default Optional<Scope> scope() {
        return Optional.empty();
    }

    /**
     * True when the history table has the columns added for environments and targets; a table made by
     * an older version is read with those as null until the next apply upgrades it.
     */
    default boolean hasTargetColumns(Connection connection) throws SQLException {
        return true;
    }

    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException;

    Instant instant(ResultSet row, int index) throws SQLException;

    /** A column whose value the server fills from the session: {@code column = expression}. */
    record Scope(String column, String expression) {
    }
}
