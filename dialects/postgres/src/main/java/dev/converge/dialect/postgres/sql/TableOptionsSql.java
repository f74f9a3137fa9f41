package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.model.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TableOptionsSql writes a PostgreSQL table's options, as the inspector reads them into
 * {@code Table.options()} in the words of their statements: {@code UNLOGGED} (a table whose writes
 * skip the WAL: not crash-safe, not replicated), and a replica identity other than the default
 * ({@code REPLICA IDENTITY FULL / NOTHING / USING INDEX i}: what logical replication sends of an old
 * row), and one {@code WITH (name=value)} per storage parameter ({@code fillfactor}, {@code autovacuum_*},
 * {@code toast.*} for the table's TOAST table), as pg_class.reloptions holds it.
 */
final class TableOptionsSql {
    static final String UNLOGGED = "UNLOGGED";
    private static final String REPLICA_IDENTITY = "REPLICA IDENTITY ";
    private static final String WITH = "WITH (";

    private TableOptionsSql() {
    }

    /** {@code CREATE TABLE} or {@code CREATE UNLOGGED TABLE}. */
    static String createKeyword(List<String> options) {
        return options.contains(UNLOGGED) ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ";
    }

    /**
     * What a new table needs after its CREATE TABLE: its replica identity, when not the default, and its
     * storage parameters (set by ALTER TABLE, which takes the same parameters for a plain table and a
     * partition alike).
     */
    static List<String> afterCreate(QualifiedName table, List<String> options) {
        List<String> sql = new ArrayList<>();
        replicaIdentity(options).ifPresent(r -> sql.add(alterTable(table) + r));
        sql.addAll(parameters(table, List.of(), options));
        return sql;
    }

    /**
     * {@code SET LOGGED / SET UNLOGGED} (both rewrite the table) and {@code REPLICA IDENTITY ...}
     * ({@code DEFAULT} when the option goes), for what differs.
     */
    static List<String> alter(QualifiedName table, List<String> from, List<String> to) {
        List<String> sql = new ArrayList<>();
        if (from.contains(UNLOGGED) != to.contains(UNLOGGED)) {
            sql.add(alterTable(table) + (to.contains(UNLOGGED) ? "SET UNLOGGED" : "SET LOGGED"));
        }
        Optional<String> before = replicaIdentity(from);
        Optional<String> after = replicaIdentity(to);
        if (!before.equals(after)) {
            sql.add(alterTable(table) + after.orElse(REPLICA_IDENTITY + "DEFAULT"));
        }
        sql.addAll(parameters(table, from, to));
        return sql;
    }

    /**
     * When the parameters differ: {@code RESET} of every current one, then {@code SET} of every desired
     * one in the desired order, so that the table holds them as a table built from the desired files
     * does (pg_dump prints them in that order). Both statements change the catalog only.
     */
    private static List<String> parameters(QualifiedName table, List<String> from, List<String> to) {
        Map<String, String> before = parameters(from);
        Map<String, String> after = parameters(to);
        if (before.equals(after) && List.copyOf(before.keySet()).equals(List.copyOf(after.keySet()))) {
            return List.of();
        }
        List<String> sql = new ArrayList<>();
        if (!before.isEmpty()) {
            sql.add(alterTable(table) + "RESET (" + String.join(", ",
                    before.keySet().stream().map(TableOptionsSql::quoteParameter).toList()) + ")");
        }
        if (!after.isEmpty()) {
            List<String> set = new ArrayList<>();
            // the value as a string literal: reloptions holds it as text, and every parameter reads one
            after.forEach((name, value) -> set.add(quoteParameter(name) + " = " + quoteLiteral(value)));
            sql.add(alterTable(table) + "SET (" + String.join(", ", set) + ")");
        }
        return sql;
    }

    /** The storage parameters among the options, by name ({@code toast.} prefix kept), in the options' order. */
    static Map<String, String> parameters(List<String> options) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String option : options) {
            if (option.startsWith(WITH) && option.endsWith(")")) {
                String assignment = option.substring(WITH.length(), option.length() - 1);
                int equals = assignment.indexOf('=');
                parameters.put(assignment.substring(0, equals), assignment.substring(equals + 1));
            }
        }
        return parameters;
    }

    /** {@code "fillfactor"}, {@code "toast"."autovacuum_enabled"}. */
    private static String quoteParameter(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? quote(name) : quote(name.substring(0, dot)) + "." + quote(name.substring(dot + 1));
    }

    private static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** True when the change rewrites the table (it becomes logged or unlogged). */
    static boolean rewrites(List<String> from, List<String> to) {
        return from.contains(UNLOGGED) != to.contains(UNLOGGED);
    }

    private static Optional<String> replicaIdentity(List<String> options) {
        return options.stream().filter(o -> o.startsWith(REPLICA_IDENTITY)).findFirst();
    }

    private static String alterTable(QualifiedName table) {
        return "ALTER TABLE " + quote(table) + " ";
    }
}
