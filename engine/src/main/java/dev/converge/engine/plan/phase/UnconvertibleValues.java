package dev.converge.engine.plan.phase;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.spi.ExpandContractSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * UnconvertibleValues is the pre-check of a type change: how many rows hold a value that does not
 * convert to the new type and back unchanged, counted by the server with the dialect's statements. Only
 * the count leaves the server, never a value.
 */
public final class UnconvertibleValues {
    private UnconvertibleValues() {
    }

    public static long count(Connection connection, ExpandContractSql sql, QualifiedName table, String column,
                             String fromType, String toType) throws SQLException {
        Long rows = null;
        try (Statement st = connection.createStatement()) {
            for (String statement : sql.countUnconvertible(table, column, fromType, toType)) {
                if (st.execute(statement)) {
                    try (ResultSet rs = st.getResultSet()) {
                        rs.next();
                        rows = rs.getLong(1);
                    }
                }
            }
        }
        if (rows == null) {
            throw new IllegalStateException("the dialect's pre-check of " + column + " counted nothing");
        }
        return rows;
    }
}
