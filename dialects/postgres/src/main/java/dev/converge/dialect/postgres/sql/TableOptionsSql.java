package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TableOptionsSql writes a PostgreSQL table's options, as the inspector reads them into
 * {@code Table.options()} in the words of their statements: {@code UNLOGGED} (a table whose writes
 * skip the WAL: not crash-safe, not replicated), and a replica identity other than the default
 * ({@code REPLICA IDENTITY FULL / NOTHING / USING INDEX i}: what logical replication sends of an old
 * row).
 */
final class TableOptionsSql {
    static final String UNLOGGED = "UNLOGGED";
    private static final String REPLICA_IDENTITY = "REPLICA IDENTITY ";

    private TableOptionsSql() {
    }

    /** {@code CREATE TABLE} or {@code CREATE UNLOGGED TABLE}. */
    static String createKeyword(List<String> options) {
        return options.contains(UNLOGGED) ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ";
    }

    /** What a new table needs after its CREATE TABLE: its replica identity, when not the default. */
    static List<String> afterCreate(QualifiedName table, List<String> options) {
        return replicaIdentity(options).map(r -> List.of(alterTable(table) + r)).orElse(List.of());
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
        return sql;
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
