package dev.converge.dialect.mysql.inspect;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.engine.model.ForeignKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ForeignKeyReader reads every foreign key of the database in one query (KEY_COLUMN_USAGE for the
 * columns, REFERENTIAL_CONSTRAINTS for the rules). The definition is what follows
 * {@code ADD CONSTRAINT name}, with both rules spelled out as the server reports them.
 */
final class ForeignKeyReader {
    List<ForeignKey> read(Connection connection, Set<String> tables) throws SQLException {
        String sql = "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, "
                + "k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE FROM information_schema.KEY_COLUMN_USAGE k "
                + "JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA "
                + "AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
                + "WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL "
                + "ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";
        Map<String, Building> building = new LinkedHashMap<>();
        ScopedRows.forEach(connection, sql, tables, (table, rs) -> {
            Building b = building.computeIfAbsent(ColumnReader.key(table, rs.getString(2)), k -> new Building());
            b.table = table;
            b.name = rs.getString(2);
            b.columns.add(rs.getString(3));
            b.referenced = rs.getString(4);
            b.referencedColumns.add(rs.getString(5));
            b.onUpdate = rs.getString(6);
            b.onDelete = rs.getString(7);
        });
        List<ForeignKey> keys = new ArrayList<>();
        for (Building b : building.values()) {
            String definition = "FOREIGN KEY (" + quoted(b.columns) + ") REFERENCES " + quote(b.referenced) + " ("
                    + quoted(b.referencedColumns) + ") ON DELETE " + b.onDelete + " ON UPDATE " + b.onUpdate;
            keys.add(new ForeignKey(MysqlInspector.name(b.table), b.name, b.columns, MysqlInspector.name(b.referenced),
                    b.referencedColumns, definition, null));
        }
        return keys;
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> quote(n)).collect(Collectors.joining(", "));
    }

    private static final class Building {
        String table;
        String name;
        String referenced;
        String onUpdate;
        String onDelete;
        final List<String> columns = new ArrayList<>();
        final List<String> referencedColumns = new ArrayList<>();
    }
}
