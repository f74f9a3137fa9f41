package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.mysql.sql.MysqlExpandContractSql;
import dev.converge.dialect.postgres.sql.PostgresExpandContractSql;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.plan.phase.UnconvertibleValues;
import dev.converge.engine.spi.ExpandContractSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The pre-check of a type change on the real servers: a value that is cut, rounded, out of range or not
 * of the new type counts; one that converts and comes back unchanged, and NULL, do not; and the check
 * leaves nothing behind.
 */
class UnconvertibleValuesTest {
    private static final QualifiedName PG_TABLE = QualifiedName.of("public", "t");

    @Test
    void postgresCountsWhatDoesNotConvertBack() throws SQLException {
        try (LocalPostgres db = LocalPostgres.create("xtype_unconv"); Connection c = db.connect()) {
            assertCounts(c, new PostgresExpandContractSql(), PG_TABLE,
                    new Spelling("integer", "character varying", "numeric", "bigint"));
            assertEquals(0, Long.parseLong(Cli.value(db, "SELECT count(*) FROM pg_proc WHERE proname = 'converge_unconvertible'")));
        }
    }

    @Test
    void mariadbCountsWhatDoesNotConvertBack() throws SQLException {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("xtype_unconv"); Connection c = db.connect()) {
            assertCounts(c, new MysqlExpandContractSql(), QualifiedName.of("db", "t"),
                    new Spelling("int(11)", "varchar", "decimal", "bigint(20)"));
        }
    }

    /** How the server's catalog spells the types the check converts between. */
    private record Spelling(String integer, String varchar, String numeric, String bigint) {
    }

    /**
     * The same rows on each server, and what of them does not convert back: 'abc' and the 30-character
     * text are no integer, the long text does not fit 20 characters, 1.25 rounds to one decimal, and
     * two bigints are beyond an integer's range, one either way.
     */
    private static void assertCounts(Connection c, ExpandContractSql sql, QualifiedName table, Spelling type)
            throws SQLException {
        run(c, "CREATE TABLE t (id bigint PRIMARY KEY, s text, n " + type.numeric() + "(10,2), i bigint)",
                "INSERT INTO t VALUES (1, '12', 1.25, 3000000000), (2, 'abc', 1.20, 7), (3, repeat('x', 30), NULL, NULL),"
                        + " (4, NULL, 2.00, -3000000000)");
        String numeric = type.numeric() + "(10,2)";
        assertEquals(2, UnconvertibleValues.count(c, sql, table, "s", "text", type.integer()), "abc and the long text");
        assertEquals(1, UnconvertibleValues.count(c, sql, table, "s", "text", type.varchar() + "(20)"), "the long text");
        assertEquals(0, UnconvertibleValues.count(c, sql, table, "s", "text", type.varchar() + "(30)"));
        assertEquals(1, UnconvertibleValues.count(c, sql, table, "n", numeric, type.numeric() + "(10,1)"), "1.25 rounds");
        assertEquals(0, UnconvertibleValues.count(c, sql, table, "n", numeric, type.numeric() + "(12,2)"));
        assertEquals(2, UnconvertibleValues.count(c, sql, table, "i", type.bigint(), type.integer()), "out of range both ways");
    }

    private static void run(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }
}
