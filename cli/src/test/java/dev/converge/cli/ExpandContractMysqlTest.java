package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's acceptance on MariaDB/MySQL: the same rollout as {@link ExpandContractPostgresTest},
 * where every DDL statement commits on its own, so the order of contract's steps is all that keeps
 * the application's writes working.
 */
@org.junit.jupiter.api.Tag("slow")
class ExpandContractMysqlTest {
    private static final String V1 = """
            CREATE TABLE people (
              id bigint NOT NULL PRIMARY KEY,
              full_name varchar(200) NOT NULL
            );
            """;
    private static final String V2 = """
            CREATE TABLE people (
              id bigint NOT NULL PRIMARY KEY,
              -- converge:renamed-from full_name
              display_name varchar(200) NOT NULL
            );
            """;
    private static final int ROWS = 3000;

    @TempDir
    Path dir;

    @Test
    void aRenamedColumnIsExpandedBackfilledAndContractedUnderLoad() throws Exception {
        Path v1 = write("v1/people.sql", V1);
        Path v2 = write("v2/people.sql", V2);
        try (Db db = Db.create("expand_my"); Db fresh = Db.create("expand_my_fresh")) {
            String url = url(db);
            Cli.Result setup = Cli.run("apply", "--url", url, "--desired", v1.toString(), "--shadow", "server", "--auto-approve");
            assertEquals(0, setup.exitCode(), setup.all());
            try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement("INSERT INTO people VALUES (?, ?)")) {
                for (int id = 1; id <= ROWS; id++) {
                    st.setLong(1, id);
                    st.setString(2, "name " + id);
                    st.addBatch();
                }
                st.executeBatch();
            }

            Cli.Result expandPlan = Cli.run("plan", "--url", url, "--desired", v2.toString(), "--shadow", "server",
                    "--phase", "expand", "--backfill-batch", "250");
            assertEquals(0, expandPlan.exitCode(), expandPlan.all());
            assertFalse(expandPlan.out().contains("RENAME COLUMN"), expandPlan.all());
            assertTrue(expandPlan.out().contains("BEFORE INSERT ON `people`"), expandPlan.all());
            assertTrue(expandPlan.err().contains("12 batches of up to 250 rows"), expandPlan.all());

            try (AppLoop app = new AppLoop(db::connect, ROWS)) {
                app.start();
                Cli.Result expand = Cli.run("apply", "--url", url, "--desired", v2.toString(), "--shadow", "server",
                        "--phase", "expand", "--auto-approve", "--backfill-batch", "250", "--backfill-pause", "20ms");
                assertEquals(0, expand.exitCode(), expand.all());
                assertTrue(expand.out().contains("done."), expand.all());

                app.useNewName(true);
                app.awaitWrites(200);
                Cli.Result between = Cli.run("plan", "--url", url, "--desired", v2.toString(), "--shadow", "server",
                        "--phase", "expand");
                assertTrue(between.out().contains("No changes"), between.all());
                assertTrue(between.out().contains("for 'converge apply --phase contract'"), between.all());

                app.useOldName(false);
                app.awaitWrites(100);
                Cli.Result contract = Cli.run("apply", "--url", url, "--desired", v2.toString(), "--shadow", "server",
                        "--phase", "contract", "--auto-approve", "--confirm-contract");
                assertEquals(0, contract.exitCode(), contract.all());
                assertTrue(contract.out().contains("Converged"), contract.all());
                app.awaitWrites(100);
                app.stop();
                assertEquals(0, app.failures(), app.firstFailure());
                assertTrue(app.writesThroughOld() > 0 && app.writesThroughNew() > 0, app.toString());
                try (Connection c = db.connect()) {
                    assertEquals(app.expected(), AppLoop.rows(c, "display_name"), "every row as the application last wrote it");
                }
            }
            Cli.Result again = Cli.run("plan", "--url", url, "--desired", v2.toString(), "--shadow", "server",
                    "--detailed-exitcode");
            assertEquals(0, again.exitCode(), again.all());
            Cli.Result built = Cli.run("apply", "--url", url(fresh), "--desired", v2.toString(), "--shadow", "server",
                    "--auto-approve");
            assertEquals(0, built.exitCode(), built.all());
            assertEquals(createTable(fresh), createTable(db));
        }
    }

    /** A uniquely named database on the local MariaDB or MySQL server, dropped at the end. */
    record Db(String name) implements AutoCloseable {
        private static final String SERVER = "jdbc:mysql://" + env("MYSQL_HOST", "127.0.0.1") + ":"
                + env("MYSQL_PORT", "3306") + "/";

        static Db create(String prefix) throws SQLException {
            Db db = new Db(prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8));
            db.admin("CREATE DATABASE `" + db.name + "`");
            return db;
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(SERVER + name, env("MYSQL_USER", "root"), System.getenv("MYSQL_PASSWORD"));
        }

        String url() {
            return "jdbc:mysql://" + env("MYSQL_HOST", "127.0.0.1") + ":" + env("MYSQL_PORT", "3306") + "/" + name
                    + "?user=" + env("MYSQL_USER", "root");
        }

        private void admin(String sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(SERVER, env("MYSQL_USER", "root"), System.getenv("MYSQL_PASSWORD"));
                 Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }

        @Override
        public void close() throws SQLException {
            admin("DROP DATABASE IF EXISTS `" + name + "`");
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    private static String url(Db db) {
        return db.url();
    }

    private static String createTable(Db db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW CREATE TABLE people")) {
            rs.next();
            return rs.getString(2);
        }
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file.getParent();
    }
}
