package dev.converge.dialect.mysql.inspect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * ScopedRows runs one information_schema query over the whole current database and hands on only the
 * rows of the tables in scope, whose name the query's first column holds: the catalog is read in one
 * pass, not once per table, and the scope is applied here, in one place.
 */
final class ScopedRows {
    /** One row of a table in scope. */
    @FunctionalInterface
    interface Row {
        void read(String table, ResultSet row) throws SQLException;
    }

    private ScopedRows() {
    }

    static void forEach(Connection connection, String sql, Set<String> tables, Row row) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (tables.contains(table)) {
                    row.read(table, rs);
                }
            }
        }
    }
}
