package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.Redaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row values a server quotes in its errors never reach what Converge prints or keeps (issue 14, point
 * 3): the texts come from the local PostgreSQL and MariaDB, not from a list of shapes.
 */
class RowValueRedactionTest {
    /** A value no message, name or statement holds, so finding it anywhere means a leak. */
    private static final String VALUE = "leak-7f3a@example.test";

    @TempDir
    Path dir;

    /** The data changes between plan and apply: the saved plan's unique index then fails on a duplicate. */
    @Test
    void aFailedStepsDuplicateKeyIsNeitherPrintedNorKeptInTheHistory() throws Exception {
        Path schema = Files.createDirectories(dir.resolve("schema"));
        Files.writeString(schema.resolve("account.sql"),
                "CREATE TABLE account (id int PRIMARY KEY, email text, CONSTRAINT account_email_key UNIQUE (email));\n");
        try (LocalPostgres db = LocalPostgres.create("trust_rowval")) {
            db.execute("CREATE TABLE account (id int PRIMARY KEY, email text);");
            Path file = dir.resolve("plan.json");
            Cli.withServerShadow("plan", Cli.url(db), schema.toString(), "--out", file.toString()).expectExit(0);
            db.execute("INSERT INTO account VALUES (1, '" + VALUE + "'), (2, '" + VALUE + "');");

            Cli.Result apply = Cli.run("apply", file.toString(), "--url", Cli.url(db), "--auto-approve");
            assertNotEquals(0, apply.exitCode(), apply.all());
            assertTrue(apply.err().contains("Key (email)=(" + Redaction.MASK + ")"),
                    "the key column still says what failed: " + apply.all());
            Cli.Result history = Cli.run("history", "--url", Cli.url(db));
            Cli.Result shown = Cli.run("history", "show", "1", "--url", Cli.url(db));
            for (Cli.Result r : List.of(apply, history, shown)) {
                assertFalse(r.all().contains(VALUE), r.all());
            }
            String kept = Cli.value(db, "SELECT string_agg(h::text, ' ') FROM converge.history h")
                    + Cli.value(db, "SELECT string_agg(c::text, ' ') FROM converge.checkpoints c");
            assertTrue(kept.contains("failed"), kept);
            assertFalse(kept.contains(VALUE), kept);
        }
    }

    @Test
    void postgresErrorsKeepTheirNamesAndLoseTheirValues() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("trust_pgerr"); Connection c = db.connect();
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE parent (id text PRIMARY KEY)");
            st.execute("CREATE TABLE t (id int PRIMARY KEY, email text UNIQUE, n int CHECK (n > 0),"
                    + " p text REFERENCES parent)");
            st.execute("INSERT INTO parent VALUES ('" + VALUE + "')");
            st.execute("INSERT INTO t VALUES (1, '" + VALUE + "', 1, '" + VALUE + "')");
            List<String> errors = new ArrayList<>();
            errors.add(error(st, "INSERT INTO t VALUES (2, '" + VALUE + "', 1, NULL)"));
            errors.add(error(st, "INSERT INTO t VALUES (3, '" + VALUE + "x', -1, NULL)"));
            errors.add(error(st, "INSERT INTO t VALUES (4, 'b', 1, '" + VALUE + "y')"));
            errors.add(error(st, "DELETE FROM parent"));
            errors.add(error(st, "ALTER TABLE t ALTER COLUMN email TYPE int USING email::int"));
            errors.add(error(st, "SELECT '" + VALUE + "'::date"));
            assertTrue(errors.get(0).contains("Key (email)=(" + VALUE + ")"), "the server quotes the row: " + errors);
            assertTrue(errors.get(1).contains("Failing row contains"), errors.toString());
            for (String error : errors) {
                String shown = Redaction.text(error);
                assertFalse(shown.contains(VALUE), shown);
                assertTrue(shown.contains(Redaction.MASK), shown);
            }
        }
    }

    @Test
    void mariadbErrorsKeepTheirNamesAndLoseTheirValues() throws Exception {
        String host = System.getenv().getOrDefault("MYSQL_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("MYSQL_PORT", "3306");
        String user = System.getenv().getOrDefault("MYSQL_USER", "root");
        String database = "trust_rowval_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String server = "jdbc:mysql://" + host + ":" + port + "/?useSSL=false&allowPublicKeyRetrieval=true";
        try (Connection c = DriverManager.getConnection(server, user, System.getenv("MYSQL_PASSWORD"));
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE `" + database + "`");
            try {
                st.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES'");
                st.execute("CREATE TABLE `" + database + "`.t (id int PRIMARY KEY, email varchar(60) UNIQUE, n int)");
                st.execute("INSERT INTO `" + database + "`.t VALUES (1, '" + VALUE + "', 1)");
                List<String> errors = List.of(
                        error(st, "INSERT INTO `" + database + "`.t VALUES (2, '" + VALUE + "', 1)"),
                        error(st, "INSERT INTO `" + database + "`.t VALUES (3, 'b', '" + VALUE + "')"),
                        error(st, "ALTER TABLE `" + database + "`.t MODIFY email int"));
                assertTrue(errors.get(0).contains("Duplicate entry '" + VALUE + "'"), "the server quotes the row: " + errors);
                for (String error : errors) {
                    String shown = Redaction.text(error);
                    assertFalse(shown.contains(VALUE), shown);
                    assertTrue(shown.contains(Redaction.MASK), shown);
                }
            } finally {
                st.execute("DROP DATABASE `" + database + "`");
            }
        }
    }

    private static String error(Statement st, String sql) {
        try {
            st.execute(sql);
        } catch (SQLException e) {
            return e.getMessage();
        }
        return fail("expected the server to refuse: " + sql);
    }
}
