package dev.converge.dialect.postgres.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The second deparse sends its rewrites in batches; these check that a batch lands whole, and that
 * a rewrite the server refuses in the middle of a batch costs only itself: every other rewrite of
 * that batch, before and after it, still reaches the fixed point.
 */
class SecondDeparseTest {
    /** Deparsed once, the IN list is cast as a whole; deparsed twice, each element is. */
    private static final String SECOND_FORM = "('a'::character varying)::text";

    private LocalPostgres db;
    private Connection connection;

    @BeforeEach
    void open() {
        db = LocalPostgres.create("second_deparse");
        connection = db.connect();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        db.close();
    }

    private void tablesWithCastChecks(String prefix, int count) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (int i = 0; i < count; i++) {
                st.execute("CREATE TABLE \"" + prefix + i + "\" (c varchar CHECK (c IN ('a', 'b')))");
            }
        }
    }

    private int checksAtTheFixedPoint(String prefix) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM pg_constraint o JOIN pg_class c ON c.oid = o.conrelid"
                        + " WHERE c.relname LIKE '" + prefix + "%' AND o.contype = 'c'"
                        + " AND position('" + SECOND_FORM.replace("'", "''") + "' IN pg_get_constraintdef(o.oid)) > 0")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void moreRewritesThanOneBatchAllReachTheFixedPoint() throws SQLException {
        int tables = SecondDeparse.BATCH * 2 + 7;
        tablesWithCastChecks("t_", tables);
        assertEquals(0, checksAtTheFixedPoint("t_"), "the first deparse is not yet the second");

        SecondDeparse.settle(connection);

        assertEquals(tables, checksAtTheFixedPoint("t_"));
        assertTrue(connection.getAutoCommit(), "the connection is left in autocommit mode");
    }

    @Test
    void aRefusedRewriteInABatchCostsOnlyItself() throws SQLException {
        // Table checks come before domain checks: the refused domain rewrite ends a batch of tables
        // whose rewrites must survive its rollback, and the views after it are rewritten too.
        tablesWithCastChecks("t_", 30);
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE DOMAIN used_in_array AS text CHECK (VALUE <> 'x')");
            st.execute("CREATE TABLE holder (a used_in_array[])");
            st.execute("CREATE DOMAIN free AS varchar CHECK (VALUE IN ('a', 'b'))");
            st.execute("CREATE VIEW v_1 AS SELECT NULL::integer AS n");
        }

        SecondDeparse.settle(connection);

        assertEquals(30, checksAtTheFixedPoint("t_"));
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT t.typname, pg_get_constraintdef(o.oid) FROM pg_constraint o JOIN pg_type t ON t.oid = o.contypid"
                        + " WHERE o.contype = 'c' AND t.typname IN ('free', 'used_in_array') ORDER BY t.typname")) {
            assertTrue(rs.next());
            assertEquals("free", rs.getString(1));
            assertTrue(rs.getString(2).contains(SECOND_FORM), rs.getString(2));
            assertTrue(rs.next());
            assertEquals("used_in_array", rs.getString(1));
            assertEquals("CHECK ((VALUE <> 'x'::text))", rs.getString(2), "the refused rewrite keeps its first deparse");
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM pg_class WHERE relname IN ('holder', 'v_1')")) {
            rs.next();
            assertEquals(2, rs.getInt(1), "nothing of the batch before the refusal was lost");
        }
    }
}
