package dev.converge.dialect.mysql.inspect;

import dev.converge.dialect.mysql.connect.ServerFlavor;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.TableConstraint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CheckReader reads CHECK constraints in one query. MariaDB keeps a check written on a column
 * ({@code LEVEL = 'Column'}, named after the column, as for the {@code json_valid} check of a JSON
 * column) apart from table checks: it belongs to the column's definition and is returned by column.
 * MySQL 8.0.16+ has table checks only, and its CHECK_CONSTRAINTS has no table name (joined from
 * TABLE_CONSTRAINTS); older servers have no checks at all.
 */
final class CheckReader {
    record Check(String table, TableConstraint constraint) {
    }

    private final ServerFlavor flavor;

    CheckReader(ServerFlavor flavor) {
        this.flavor = flavor;
    }

    void read(Connection connection, Map<String, List<String>> columnChecks, List<Check> tableChecks)
            throws SQLException {
        String sql;
        if (flavor.mariadb()) {
            if (!flavor.atLeast(10, 2)) {
                return;
            }
            sql = "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL FROM information_schema.CHECK_CONSTRAINTS "
                    + "WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME";
        } else {
            if (!flavor.atLeast(8, 0)) {
                return;
            }
            sql = "SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE, 'Table' FROM information_schema.CHECK_CONSTRAINTS cc "
                    + "JOIN information_schema.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA "
                    + "AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME AND tc.CONSTRAINT_TYPE = 'CHECK' "
                    + "WHERE cc.CONSTRAINT_SCHEMA = DATABASE() ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME";
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String table = rs.getString(1);
                String name = rs.getString(2);
                String clause = rs.getString(3);
                if ("Column".equalsIgnoreCase(rs.getString(4))) {
                    columnChecks.computeIfAbsent(ColumnReader.key(table, name), k -> new ArrayList<>()).add(clause);
                } else {
                    tableChecks.add(new Check(table, new TableConstraint(name, ConstraintKind.CHECK,
                            "CHECK (" + clause + ")", List.of(), null)));
                }
            }
        }
    }
}
