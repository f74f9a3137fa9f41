package dev.converge.dialect.mysql.inspect;

import static dev.converge.dialect.mysql.MysqlIdentifiers.literal;
import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.dialect.mysql.connect.ServerFlavor;
import dev.converge.dialect.mysql.sql.IndexNames;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.TableConstraint;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IndexReader reads every index of the database from STATISTICS in one query. The primary key
 * becomes the table's PRIMARY_KEY constraint; every other index (unique, regular, fulltext, spatial)
 * an {@link Index} whose definition is the clause that follows {@code ADD} in ALTER TABLE, with
 * prefix lengths, descending parts, functional parts (MySQL 8) and the comment: equal clauses mean
 * equal indexes. MySQL names indexes per table, the engine per schema, so an index is named
 * {@code table.index} in the model (see {@link IndexNames}).
 */
final class IndexReader {
    record Result(Map<String, List<TableConstraint>> primaryKeys, List<Index> indexes) {
    }

    private final ServerFlavor flavor;

    IndexReader(ServerFlavor flavor) {
        this.flavor = flavor;
    }

    Result read(Connection connection, Set<String> tables) throws SQLException {
        String expression = flavor.hasFunctionalIndexes() ? "EXPRESSION" : "NULL";
        String hidden = flavor.mariadb() ? (flavor.atLeast(10, 6) ? "IGNORED = 'YES'" : "FALSE")
                : (flavor.atLeast(8, 0) ? "IS_VISIBLE = 'NO'" : "FALSE");
        String sql = "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION, INDEX_TYPE, "
                + "INDEX_COMMENT, " + expression + ", " + hidden + " FROM information_schema.STATISTICS "
                + "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
        Map<String, Building> building = new LinkedHashMap<>();
        ScopedRows.forEach(connection, sql, tables, (table, rs) -> {
            String name = rs.getString(2);
            Building b = building.computeIfAbsent(ColumnReader.key(table, name), k -> new Building(table, name));
            b.unique = rs.getInt(3) == 0;
            b.type = rs.getString(7);
            b.comment = rs.getString(8);
            b.hidden = rs.getBoolean(10);
            b.mariadb = flavor.mariadb();
            String column = rs.getString(4);
            String expr = rs.getString(9);
            String part = column != null ? quote(column) : "(" + expr + ")";
            long subPart = rs.getLong(5);
            // MariaDB reports a key length for spatial parts, which CREATE refuses as a prefix.
            if (!rs.wasNull() && !"SPATIAL".equals(b.type)) {
                part += "(" + subPart + ")";
            }
            if ("D".equals(rs.getString(6))) {
                part += " DESC";
            }
            b.parts.add(part);
            if (column != null) {
                b.columns.add(column);
            }
        });
        Map<String, List<TableConstraint>> primaryKeys = new LinkedHashMap<>();
        List<Index> indexes = new ArrayList<>();
        for (Building b : building.values()) {
            String keys = "(" + String.join(",", b.parts) + ")";
            if (b.name.equals("PRIMARY")) {
                String comment = b.comment == null || b.comment.isEmpty() ? "" : " COMMENT " + literal(b.comment);
                primaryKeys.put(b.table, List.of(new TableConstraint("PRIMARY", ConstraintKind.PRIMARY_KEY,
                        "PRIMARY KEY " + keys + comment, b.columns, null)));
                continue;
            }
            indexes.add(new Index(IndexNames.modelName(MysqlInspector.name(b.table), b.name),
                    MysqlInspector.name(b.table), b.unique, b.type, b.parts, List.of(), null, b.definition(keys), null));
        }
        return new Result(primaryKeys, indexes);
    }

    private static final class Building {
        final String table;
        final String name;
        final List<String> parts = new ArrayList<>();
        final List<String> columns = new ArrayList<>();
        boolean unique;
        String type;
        String comment;
        boolean hidden;
        boolean mariadb;

        Building(String table, String name) {
            this.table = table;
            this.name = name;
        }

        String definition(String keys) {
            String kind = switch (type) {
                case "FULLTEXT" -> "FULLTEXT INDEX ";
                case "SPATIAL" -> "SPATIAL INDEX ";
                default -> unique ? "UNIQUE INDEX " : "INDEX ";
            };
            StringBuilder d = new StringBuilder(kind).append(quote(name)).append(' ').append(keys);
            if ("HASH".equals(type)) {
                d.append(" USING ").append(type);
            }
            if (comment != null && !comment.isEmpty()) {
                d.append(" COMMENT ").append(literal(comment));
            }
            if (hidden) {
                d.append(mariadb ? " IGNORED" : " INVISIBLE");
            }
            return d.toString();
        }
    }
}
