package dev.converge.dialect.mysql.inspect;

import static dev.converge.dialect.mysql.MysqlIdentifiers.literal;

import dev.converge.dialect.mysql.connect.ServerFlavor;
import dev.converge.dialect.mysql.sql.ColumnType;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.Identity;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ColumnReader reads every column of the database in one query and maps it into the engine's
 * {@link Column}. MySQL column properties the engine has no field for (ON UPDATE, INVISIBLE, a
 * column-level CHECK, the comment) are kept in the column's type, after the server's COLUMN_TYPE, in
 * the order of a column definition (see {@link ColumnType}): a change of any of them is a change of
 * the column, made with MODIFY COLUMN and the full definition, which is how MySQL changes a column.
 * AUTO_INCREMENT is an identity BY DEFAULT (explicit values are allowed); its counter is never read.
 */
final class ColumnReader {
    private final ServerFlavor flavor;

    ColumnReader(ServerFlavor flavor) {
        this.flavor = flavor;
    }

    static String key(String table, String column) {
        return table + "\u0000" + column;
    }

    Map<String, List<Column>> read(Connection connection, Set<String> tables, Map<String, List<String>> columnChecks)
            throws SQLException {
        Map<String, List<Column>> byTable = new LinkedHashMap<>();
        String sql = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_DEFAULT, IS_NULLABLE, COLUMN_TYPE, COLLATION_NAME, EXTRA, "
                + "COLUMN_COMMENT, GENERATION_EXPRESSION FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION";
        ScopedRows.forEach(connection, sql, tables, (table, rs) -> {
            String name = rs.getString(2);
            byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(column(rs, name,
                    columnChecks.getOrDefault(key(table, name), List.of())));
        });
        return byTable;
    }

    private Column column(ResultSet rs, String name, List<String> checks) throws SQLException {
        String rawDefault = rs.getString(3);
        boolean notNull = "NO".equals(rs.getString(4));
        String columnType = rs.getString(5);
        String collation = rs.getString(6);
        String extra = rs.getString(7) == null ? "" : rs.getString(7);
        String comment = rs.getString(8);
        String generation = rs.getString(9);
        String lowerExtra = extra.toLowerCase(Locale.ROOT);

        String generated = null;
        if (generation != null && !generation.isEmpty()) {
            generated = "(" + generation + ")" + (lowerExtra.contains("stored") || lowerExtra.contains("persistent")
                    ? " STORED" : " VIRTUAL");
        }
        String onUpdate = null;
        boolean invisible = false;
        for (String part : extra.split(",")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("on update ")) {
                onUpdate = p.substring("on update ".length());
            } else if (p.equalsIgnoreCase("INVISIBLE")) {
                invisible = true;
            }
        }
        StringBuilder tail = new StringBuilder();
        if (onUpdate != null) {
            tail.append(ColumnType.ON_UPDATE).append(onUpdate);
        }
        if (invisible) {
            tail.append(ColumnType.INVISIBLE);
        }
        for (String check : checks) {
            tail.append(ColumnType.CHECK).append(check).append(')');
        }
        if (comment != null && !comment.isEmpty()) {
            tail.append(ColumnType.COMMENT).append(literal(comment).substring(1));
        }
        Identity identity = lowerExtra.contains("auto_increment") ? Identity.BY_DEFAULT : Identity.NONE;
        String defaultExpression = generated == null ? defaultOf(rawDefault, lowerExtra, columnType) : null;
        return new Column(name, columnType + tail, notNull, defaultExpression, identity, null, generated,
                collation, null, List.of());
    }

    /**
     * The default as SQL text. MariaDB (10.2.7+) already stores SQL: literals quoted, expressions as
     * written, NULL as the word NULL. MySQL stores a literal's bare value and marks expressions with
     * DEFAULT_GENERATED (written back in parentheses), CURRENT_TIMESTAMP excepted.
     */
    private String defaultOf(String raw, String lowerExtra, String columnType) {
        if (raw == null) {
            return null;
        }
        if (flavor.mariadb()) {
            return raw.equalsIgnoreCase("NULL") ? null : raw;
        }
        if (lowerExtra.contains("default_generated")) {
            return raw.toLowerCase(Locale.ROOT).startsWith("current_timestamp") ? raw : "(" + raw + ")";
        }
        String type = columnType.toLowerCase(Locale.ROOT);
        if (type.startsWith("bit")) {
            return raw;
        }
        boolean numeric = type.matches("^(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real).*");
        return numeric ? raw : literal(raw);
    }
}
