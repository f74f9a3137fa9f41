package dev.converge.dialect.postgres.live;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.safety.TableSize;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TableStatistics reads, in one query, the planner's row estimate (pg_class.reltuples) and the total
 * size on disk (pg_total_relation_size: heap, indexes, TOAST) of the given tables. The estimate is as
 * fresh as the last ANALYZE or autovacuum; -1 (PostgreSQL 14+) means never analyzed.
 */
final class TableStatistics {
    /**
     * Each wanted table by (name, schema oid), pg_class's unique index: joined by name alone, PostgreSQL
     * scanned every table of that name (1,000 {@code users} in a 1,000 tenant database, 7 to 80 ms a
     * tenant) and filtered on the schema; this way it is two index probes (0.3 ms).
     */
    private static final String QUERY = "SELECT wanted.schema_name, wanted.table_name, c.reltuples::bigint,"
            + " pg_total_relation_size(c.oid) FROM unnest(?::text[], ?::text[]) AS wanted(schema_name, table_name)"
            + " JOIN pg_catalog.pg_class c ON c.relname = wanted.table_name AND c.relnamespace ="
            + " (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = wanted.schema_name)";

    private TableStatistics() {
    }

    static Map<QualifiedName, TableSize> read(Connection connection, List<QualifiedName> tables) throws SQLException {
        Map<QualifiedName, TableSize> result = new HashMap<>();
        if (tables.isEmpty()) {
            return result;
        }
        Array schemas = connection.createArrayOf("text", tables.stream().map(QualifiedName::schema).toArray());
        Array names = connection.createArrayOf("text", tables.stream().map(QualifiedName::name).toArray());
        try (PreparedStatement st = connection.prepareStatement(QUERY)) {
            st.setArray(1, schemas);
            st.setArray(2, names);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.put(QualifiedName.of(rs.getString(1), rs.getString(2)), new TableSize(rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return result;
    }
}
