package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.dialect.mysql.sql.MysqlExpandContractSql;
import dev.converge.dialect.postgres.sql.PostgresExpandContractSql;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.plan.phase.UnconvertibleValues;
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
            run(c, "CREATE TABLE t (id bigint PRIMARY KEY, s text, n numeric(10,2), i bigint)",
                    "INSERT INTO t VALUES (1, '12', 1.25, 3000000000), (2, 'abc', 1.20, 7), (3, repeat('x', 30), NULL, NULL),"
                            + " (4, NULL, 2.00, -3000000000)");
            PostgresExpandContractSql sql = new PostgresExpandContractSql();
            assertEquals(2, UnconvertibleValues.count(c, sql, PG_TABLE, "s", "text", "integer"), "abc and the long text");
            assertEquals(1, UnconvertibleValues.count(c, sql, PG_TABLE, "s", "text", "character varying(20)"), "the long text");
            assertEquals(0, UnconvertibleValues.count(c, sql, PG_TABLE, "s", "text", "character varying(30)"));
            assertEquals(1, UnconvertibleValues.count(c, sql, PG_TABLE, "n", "numeric(10,2)", "numeric(10,1)"), "1.25 rounds");
            assertEquals(0, UnconvertibleValues.count(c, sql, PG_TABLE, "n", "numeric(10,2)", "numeric(12,2)"));
            assertEquals(2, UnconvertibleValues.count(c, sql, PG_TABLE, "i", "bigint", "integer"), "out of range both ways");
            assertEquals(0, Long.parseLong(Cli.value(db, "SELECT count(*) FROM pg_proc WHERE proname = 'converge_unconvertible'")));
        }
    }

    @Test
    void mariadbCountsWhatDoesNotConvertBack() throws SQLException {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("xtype_unconv"); Connection c = db.connect()) {
            run(c, "CREATE TABLE t (id bigint PRIMARY KEY, s text, n decimal(10,2), i bigint)",
                    "INSERT INTO t VALUES (1, '12', 1.25, 3000000000), (2, 'abc', 1.20, 7), (3, repeat('x', 30), NULL, NULL),"
                            + " (4, NULL, 2.00, -3000000000)");
            MysqlExpandContractSql sql = new MysqlExpandContractSql();
            QualifiedName table = QualifiedName.of("db", "t");
            assertEquals(2, UnconvertibleValues.count(c, sql, table, "s", "text", "int(11)"), "abc and the long text");
            assertEquals(1, UnconvertibleValues.count(c, sql, table, "s", "text", "varchar(20)"), "the long text");
            assertEquals(0, UnconvertibleValues.count(c, sql, table, "s", "text", "varchar(30)"));
            assertEquals(1, UnconvertibleValues.count(c, sql, table, "n", "decimal(10,2)", "decimal(10,1)"), "1.25 rounds");
            assertEquals(0, UnconvertibleValues.count(c, sql, table, "n", "decimal(10,2)", "decimal(12,2)"));
            assertEquals(2, UnconvertibleValues.count(c, sql, table, "i", "bigint(20)", "int(11)"), "out of range both ways");
        }
    }

    private static void run(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }
}
