package dev.converge.dialect.mysql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.mysql.testing.ConvergeRun;
import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.dialect.mysql.testing.MariadbClient;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.workflow.DesiredState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loading contract on the local MariaDB: files the mariadb client loads load in Converge and mean
 * the same thing (foreign-key rules as written, the session settings in force at each statement, data
 * statements in place), and mistakes the client would only meet later stop the plan at file:line:col.
 */
class MysqlLoadingContractTest {
    @Test
    void restrictWrittenInAnAlterTableStaysRestrictAndInspectOutputPlansEmpty(@TempDir Path dir) throws Exception {
        try (LocalMysql source = LocalMysql.create("fkrule")) {
            source.execute("CREATE TABLE p (id INT PRIMARY KEY);\n"
                    + "CREATE TABLE c (id INT PRIMARY KEY, p_id INT, q_id INT, r_id INT);\n"
                    + "ALTER TABLE c ADD CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE RESTRICT ON UPDATE RESTRICT;\n"
                    + "ALTER TABLE c ADD CONSTRAINT c_q FOREIGN KEY (q_id) REFERENCES p (id) ON DELETE NO ACTION ON UPDATE NO ACTION;\n"
                    + "ALTER TABLE c ADD CONSTRAINT c_r FOREIGN KEY (r_id) REFERENCES p (id) ON DELETE CASCADE;\n");
            List<String> written = rules(source);
            assertEquals(List.of("c_p RESTRICT RESTRICT", "c_q NO ACTION NO ACTION", "c_r CASCADE RESTRICT"), written);

            // inspect writes the keys as ALTER TABLE ... ADD CONSTRAINT: the shadow must keep their rules
            Files.writeString(dir.resolve("db.sql"), ConvergeRun.inspect(source));
            DesiredState desired = ConvergeRun.desired(dir, source);
            Plan plan = ConvergeRun.plan(source, desired);
            assertTrue(plan.isEmpty(), ConvergeRun.describe(plan));
        }
    }

    @Test
    void aForeignKeyToATableNoFileCreatesStopsThePlanAtItsReferencesClause(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.sql"), "CREATE TABLE orders (id INT PRIMARY KEY);\n");
        Files.writeString(dir.resolve("b.sql"), "CREATE TABLE order_lines (\n  id INT PRIMARY KEY,\n  order_id INT,\n"
                + "  CONSTRAINT lines_order FOREIGN KEY (order_id) REFERENCES `order` (id)\n);\n");
        try (LocalMysql target = LocalMysql.create("fkmissing")) {
            target.execute("CREATE TABLE keep (id INT PRIMARY KEY);");
            BadInputException e = assertThrows(BadInputException.class, () -> ConvergeRun.desired(dir, target));
            assertEquals(1, e.diagnostics().size(), e.render());
            Diagnostic d = e.diagnostics().get(0);
            assertTrue(d.span().file().endsWith("b.sql"), e.render());
            assertEquals(4, d.span().line(), e.render());
            assertEquals("  CONSTRAINT lines_order FOREIGN KEY (order_id) ".length() + 1, d.span().column(), e.render());
            assertTrue(d.message().contains("`lines_order`") && d.message().contains("`order`"), d.message());
            try (Connection c = target.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the target is untouched");
            }
        }
    }

    @Test
    void aFilesSessionSettingsHoldForItsOwnStatementsOnly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.sql"), "SET sql_mode = 'PIPES_AS_CONCAT,STRICT_TRANS_TABLES';\n"
                + "/*!40101 SET NAMES latin1 */;\n"
                + "CREATE FUNCTION shout(s VARCHAR(20)) RETURNS VARCHAR(30) DETERMINISTIC RETURN s || '!';\n");
        Files.writeString(dir.resolve("b.sql"), "CREATE FUNCTION plain(s VARCHAR(20)) RETURNS VARCHAR(30)"
                + " DETERMINISTIC RETURN CONCAT(s, '.');\n");
        try (LocalMysql target = LocalMysql.create("session")) {
            DesiredState desired = ConvergeRun.desired(dir, target);
            String shout = desired.model().routines().stream().filter(r -> r.name().name().equals("shout"))
                    .findFirst().orElseThrow().definition();
            String plain = desired.model().routines().stream().filter(r -> r.name().name().equals("plain"))
                    .findFirst().orElseThrow().definition();
            assertTrue(shout.startsWith("/* sql_mode='PIPES_AS_CONCAT,STRICT_TRANS_TABLES' character_set_client=latin1 "),
                    shout);
            assertFalse(plain.contains("PIPES_AS_CONCAT"), plain);
            assertFalse(plain.contains("latin1"), plain);

            ConvergeRun.apply(target, desired);
            try (Connection c = target.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT shout('a'), @@SESSION.sql_mode LIKE '%PIPES_AS_CONCAT%'")) {
                rs.next();
                assertEquals("a!", rs.getString(1), "the function runs under the file's sql_mode");
                assertFalse(rs.getBoolean(2));
            }
            assertTrue(ConvergeRun.plan(target, desired).isEmpty());

            // created behind Converge's back under another sql_mode: a difference, replaced
            target.execute("DROP FUNCTION shout;\nSET sql_mode = 'STRICT_TRANS_TABLES';\n"
                    + "CREATE FUNCTION shout(s VARCHAR(20)) RETURNS VARCHAR(30) DETERMINISTIC RETURN s || '!';");
            Plan plan = ConvergeRun.apply(target, desired);
            assertEquals(1, plan.steps().size(), ConvergeRun.describe(plan));
            assertTrue(ConvergeRun.plan(target, desired).isEmpty());
        }
    }

    @Test
    void aSessionSettingTheServerRejectsIsOneErrorAtItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.sql"), "CREATE TABLE a (id INT PRIMARY KEY);\n"
                + "SET sql_mode = 'NO_SUCH_MODE';\nCREATE TABLE b (id INT PRIMARY KEY);\nCREATE TABLE c (id INT PRIMARY KEY);\n");
        try (LocalMysql target = LocalMysql.create("badset")) {
            BadInputException e = assertThrows(BadInputException.class, () -> ConvergeRun.desired(dir, target));
            assertEquals(1, e.diagnostics().size(), e.render());
            assertEquals(2, e.diagnostics().get(0).span().line(), e.render());
        }
    }

    @Test
    void dataStatementsRunInTheShadowInPlaceAndThePlanSaysSo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE version (v INT PRIMARY KEY);\n"
                + "INSERT INTO version VALUES (1);\n"
                + "CREATE TABLE copy AS SELECT v FROM version;\n");
        try (LocalMysql target = LocalMysql.create("data")) {
            DesiredState desired = ConvergeRun.desired(dir, target);
            Plan plan = ConvergeRun.apply(target, desired);
            assertEquals(List.of("1 data statement in the desired files ran in the shadow database only; rows are not"
                    + " part of the plan and are not written to the target: " + dir.resolve("schema.sql") + ":2"),
                    plan.notes());
            try (Connection c = target.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM version")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "rows are not planned");
            }
            assertTrue(ConvergeRun.plan(target, desired).isEmpty());
        }
    }

    @Test
    void aMariadbDumpOfASchemaLoadsAsTheClientLoadsIt(@TempDir Path dir) throws Exception {
        MariadbClient.assumeInstalled();
        Path source = dir.resolve("source.sql");
        Files.writeString(source, "SET sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION,PIPES_AS_CONCAT';\n"
                + "CREATE TABLE parent (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(50) CHARACTER SET latin1 NOT NULL);\n"
                + "CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, qty INT CHECK (qty > 0),\n"
                + "  CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE RESTRICT ON UPDATE CASCADE);\n"
                + "CREATE VIEW tagged AS SELECT id, _latin1'x' AS tag, name || '!' AS shout FROM parent;\n"
                + "DELIMITER //\n"
                + "CREATE TRIGGER child_bi BEFORE INSERT ON child FOR EACH ROW BEGIN SET NEW.qty = COALESCE(NEW.qty, 1); END//\n"
                + "CREATE PROCEDURE greet() BEGIN SELECT 'a' || 'b'; END//\n"
                + "CREATE EVENT nightly_purge ON SCHEDULE EVERY 1 DAY STARTS '2037-06-01 00:00:00' DISABLE DO DELETE FROM child WHERE qty < 0//\n"
                + "DELIMITER ;\n"
                + "INSERT INTO parent (name) VALUES ('one'), ('two');\n");
        try (LocalMysql built = LocalMysql.create("dumpsrc"); LocalMysql target = LocalMysql.create("dumptgt")) {
            MariadbClient.load(built.database(), source);
            Path desiredDir = Files.createDirectory(dir.resolve("schema"));
            String dump = MariadbClient.dump(built.database(), "--no-data", "--routines", "--events", "--triggers");
            for (String expected : List.of("/*!40101 SET", "DELIMITER ;;", "DEFINER=", "DROP TABLE IF EXISTS")) {
                assertTrue(dump.contains(expected), "the dump has " + expected);
            }
            Files.writeString(desiredDir.resolve("dump.sql"), dump);

            DesiredState desired = ConvergeRun.desired(desiredDir, target);
            ConvergeRun.apply(target, desired);
            Plan replan = ConvergeRun.plan(target, desired);
            assertTrue(replan.isEmpty(), ConvergeRun.describe(replan));
            // Routines are created from their canonical text (parameters as the server prints them), so
            // they are compared through information_schema below; everything else through the dump.
            assertEquals(MariadbClient.dump(built.database(), "--no-data", "--events", "--triggers"),
                    MariadbClient.dump(target.database(), "--no-data", "--events", "--triggers"));
            assertEquals(programs(built), programs(target));
        }
    }

    private static List<String> rules(LocalMysql db) {
        return db.firstColumn("SELECT CONCAT_WS(' ', CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE) FROM"
                + " information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1");
    }

    private static List<String> programs(LocalMysql db) {
        return db.firstColumn("SELECT CONCAT_WS(' | ', ROUTINE_NAME, ROUTINE_DEFINITION, SQL_MODE, CHARACTER_SET_CLIENT,"
                + " COLLATION_CONNECTION) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 1");
    }
}
