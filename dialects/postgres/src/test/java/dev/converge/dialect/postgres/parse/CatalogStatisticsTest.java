package dev.converge.dialect.postgres.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.source.SourceFile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * After a large load the shadow's catalogs are analyzed (the inspection's plans depend on it); a
 * small one is left alone. last_analyze is set by an explicit ANALYZE only, never by autovacuum.
 */
class CatalogStatisticsTest {
    private static String tables(int count) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sql.append("CREATE TABLE public.t_").append(i).append(" (id int PRIMARY KEY, name text DEFAULT 'x');\n");
        }
        return sql.toString();
    }

    private static void load(Connection connection, String sql) {
        new PostgresDesiredLoader().load(connection,
                new PostgresStatementSplitter().split(new SourceFile("a.sql", sql)));
    }

    private static boolean analyzed(Connection connection, String catalog) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT last_analyze IS NOT NULL FROM pg_stat_sys_tables WHERE schemaname = 'pg_catalog' AND relname = '"
                        + catalog + "'")) {
            assertTrue(rs.next(), catalog);
            return rs.getBoolean(1);
        }
    }

    @Test
    void aLargeLoadAnalyzesTheCatalogsTheInspectorReads() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("catalog_stats"); Connection connection = db.connect()) {
            load(connection, tables(CatalogStatistics.STATEMENTS_WORTH_IT));

            assertTrue(analyzed(connection, "pg_class"));
            assertTrue(analyzed(connection, "pg_attribute"));
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT reltuples >= (SELECT count(*) FROM pg_class WHERE relname LIKE 't\\_%') FROM pg_class"
                            + " WHERE oid = 'pg_catalog.pg_class'::regclass")) {
                rs.next();
                assertTrue(rs.getBoolean(1), "the planner sees the tables just created");
            }
        }
    }

    @Test
    void aSmallLoadLeavesThemAlone() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("catalog_stats"); Connection connection = db.connect()) {
            load(connection, tables(3));

            assertEquals(false, analyzed(connection, "pg_class"));
        }
    }
}
