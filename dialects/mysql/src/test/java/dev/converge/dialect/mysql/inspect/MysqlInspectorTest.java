package dev.converge.dialect.mysql.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.converge.dialect.mysql.MysqlDialect;
import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.spi.InspectScope;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.RoutineKind;
import dev.converge.engine.model.Trigger;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import dev.converge.dialect.mysql.ProgramContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MysqlInspectorTest {
    private final MysqlDialect dialect = new MysqlDialect();

    private SchemaModel inspect(LocalMysql db) throws Exception {
        try (Connection c = db.connect()) {
            return dialect.inspector().inspect(c, InspectScope.ALL);
        }
    }

    @Test
    void columnsKeepTheirMysqlProperties() throws Exception {
        try (LocalMysql db = LocalMysql.create("insp")) {
            db.execute("CREATE TABLE t (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " name VARCHAR(20) COLLATE utf8mb4_bin NOT NULL DEFAULT 'it''s' COMMENT 'the name',"
                    + " changed TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP INVISIBLE,"
                    + " n INT, total INT AS (n * 2) STORED) COMMENT 'tee'");
            Table t = inspect(db).tables().get(0);
            Column id = t.column("id").orElseThrow();
            assertEquals("int(10) unsigned", id.type());
            assertEquals(Identity.BY_DEFAULT, id.identity());
            Column name = t.column("name").orElseThrow();
            assertEquals("varchar(20) COMMENT 'the name'", name.type());
            assertEquals("utf8mb4_bin", name.collation());
            assertEquals("'it''s'", name.defaultExpression());
            assertTrue(name.notNull());
            Column changed = t.column("changed").orElseThrow();
            assertEquals("timestamp ON UPDATE current_timestamp() INVISIBLE", changed.type());
            assertEquals("(`n` * 2) STORED", t.column("total").orElseThrow().generatedExpression());
            assertNull(t.column("total").orElseThrow().defaultExpression());
            assertEquals("tee", t.comment());
        }
    }

    @Test
    void indexesAreNamedPerTableWithTheirFullDefinition() throws Exception {
        try (LocalMysql db = LocalMysql.create("insp")) {
            db.execute("CREATE TABLE a (id INT PRIMARY KEY, s VARCHAR(100), d DATE, KEY ix (s(8), d DESC) COMMENT 'c');"
                    + "CREATE TABLE b (id INT PRIMARY KEY, s TEXT, UNIQUE KEY ix (id, s(4)), FULLTEXT KEY ft (s));");
            SchemaModel m = inspect(db);
            assertEquals(3, m.indexes().size());
            Index a = m.indexes().get(0);
            assertEquals("db.a.ix", a.name().toString());
            assertEquals("INDEX `ix` (`s`(8),`d` DESC) COMMENT 'c'", a.definition());
            assertEquals("FULLTEXT INDEX `ft` (`s`)", m.indexes().get(1).definition());
            assertEquals("UNIQUE INDEX `ix` (`id`,`s`(4))", m.indexes().get(2).definition());
            assertEquals("PRIMARY KEY (`id`)", m.tables().get(0).constraints().get(0).definition());
        }
    }

    @Test
    void theAutoIncrementCounterIsNeverADifference() throws Exception {
        try (LocalMysql a = LocalMysql.create("ai"); LocalMysql b = LocalMysql.create("ai")) {
            a.execute("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, x INT); INSERT INTO t (x) VALUES (1),(2),(3);");
            b.execute("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, x INT) AUTO_INCREMENT = 1000;");
            assertTrue(Planner.of(dialect).plan(inspect(a), inspect(b), "a").isEmpty());
        }
    }

    @Test
    void aTargetAndAShadowOfAnotherNameCompareEqual() throws Exception {
        try (LocalMysql a = LocalMysql.create("name1"); LocalMysql b = LocalMysql.create("name2")) {
            String ddl = "CREATE TABLE p (id INT PRIMARY KEY); CREATE TABLE c (id INT PRIMARY KEY, p_id INT,"
                    + " FOREIGN KEY (p_id) REFERENCES p (id)); CREATE VIEW v AS SELECT c.id FROM c JOIN p ON p.id = c.p_id;";
            a.execute(ddl);
            b.execute(ddl);
            assertEquals(inspect(a), inspect(b));
            // the character sets it was created under, then the query without the database qualifier
            assertEquals("/* character_set_client=utf8mb4 collation_connection=utf8mb4_general_ci */\n"
                    + "select `c`.`id` AS `id` from (`c` join `p` on(`p`.`id` = `c`.`p_id`))",
                    inspect(a).views().get(0).definition());
        }
    }

    /** Stored programs and partitioning are managed: nothing of these is reported unmanaged. */
    @Test
    void unmanagedObjectsAreReported() throws Exception {
        try (LocalMysql db = LocalMysql.create("unmanaged")) {
            db.execute("CREATE TABLE t (id INT PRIMARY KEY, a INT);"
                    + "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END;"
                    + "CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1;"
                    + "CREATE TABLE p (id INT PRIMARY KEY) PARTITION BY HASH (id) PARTITIONS 2;");
            SchemaModel m = inspect(db);
            List<String> found = m.unmanaged().stream().map(u -> u.kind() + " " + u.name()).sorted().toList();
            assertEquals(List.of(), found);
            assertEquals(1, m.triggers().size());
            assertEquals(1, m.routines().size());
        }
    }

    /**
     * Stored programs are read as the canonical CREATE statements Converge compares and runs: every
     * characteristic written out, the definer left out when it is the inspecting user, a trigger that
     * is not first of its group written FOLLOWS the one before it (and depending on it), an event's
     * past STARTS left out.
     */
    @Test
    void storedProgramsAreCanonicalCreateStatements() throws Exception {
        try (LocalMysql db = LocalMysql.create("programs")) {
            db.execute("CREATE TABLE t (id INT PRIMARY KEY, a INT);"
                    + "CREATE TRIGGER b_one BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;"
                    + "CREATE TRIGGER a_two BEFORE INSERT ON t FOR EACH ROW SET NEW.a = NEW.a + 1;"
                    + "CREATE DEFINER=`mysql`@`localhost` FUNCTION f(x INT, y VARCHAR(5)) RETURNS INT DETERMINISTIC"
                    + " COMMENT 'it''s' RETURN x;\r\n"
                    + "CREATE PROCEDURE p(OUT n INT) READS SQL DATA SQL SECURITY INVOKER SELECT COUNT(*) INTO n FROM t;"
                    + "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DISABLE COMMENT 'nightly' DO DELETE FROM t;");
            SchemaModel m = inspect(db);
            Trigger two = m.triggers().stream().filter(t -> t.name().equals("a_two")).findFirst().orElseThrow();
            assertEquals("CREATE TRIGGER `a_two` BEFORE INSERT ON `t` FOR EACH ROW FOLLOWS `b_one` SET NEW.a = NEW.a + 1",
                    ProgramContext.statement(two.definition()));
            // the session context it was created under is part of the definition, read back as it was
            assertEquals(Optional.of(new ProgramContext(sqlMode(db), "utf8mb4", "utf8mb4_general_ci")),
                    ProgramContext.of(two.definition()));
            assertEquals(List.of(ObjectRef.member(ObjectKind.TRIGGER, two.table(), "b_one")), two.dependsOn());
            // created as written (with Converge's FOLLOWS), so SHOW CREATE TRIGGER shows the team's text
            assertEquals("CREATE TRIGGER a_two BEFORE INSERT ON t FOR EACH ROW FOLLOWS `b_one` SET NEW.a = NEW.a + 1",
                    two.writtenAs());
            List<String> routines = m.routines().stream().map(r -> ProgramContext.statement(r.definition())).toList();
            assertEquals(List.of(
                    "CREATE EVENT `e`\nON SCHEDULE EVERY 1 DAY\nON COMPLETION NOT PRESERVE DISABLE COMMENT 'nightly'\n"
                            + "DO DELETE FROM t",
                    "CREATE DEFINER=`mysql`@`localhost` FUNCTION `f`(`x` int(11), `y` varchar(5)) RETURNS int(11)\n"
                            + "    DETERMINISTIC CONTAINS SQL SQL SECURITY DEFINER COMMENT 'it''s'\nRETURN x",
                    "CREATE PROCEDURE `p`(OUT `n` int(11))\n    NOT DETERMINISTIC READS SQL DATA SQL SECURITY INVOKER\n"
                            + "SELECT COUNT(*) INTO n FROM t"), routines);
            assertEquals(List.of(RoutineKind.EVENT, RoutineKind.FUNCTION, RoutineKind.PROCEDURE),
                    m.routines().stream().map(Routine::kind).toList());
        }
    }

    private static String sqlMode(LocalMysql db) throws Exception {
        try (Connection c = db.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Bulk: the number of queries does not grow with the number of tables. */
    @Test
    void aFixedNumberOfQueriesWhateverTheNumberOfTables() throws Exception {
        try (LocalMysql small = LocalMysql.create("bulk"); LocalMysql large = LocalMysql.create("bulk")) {
            small.execute("CREATE TABLE t0 (id INT PRIMARY KEY, x INT, KEY ix (x));");
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                many.append("CREATE TABLE t").append(i).append(" (id INT PRIMARY KEY, x INT, KEY ix (x), CHECK (x > 0));");
            }
            large.execute(many.toString());
            assertEquals(queries(small), queries(large));
            // version, database, tables, checks, columns, indexes, foreign keys, views, current user,
            // routines, parameters, events, triggers, partitions, unmanaged
            assertTrue(queries(large) <= 15, "queries: " + queries(large));
        }
    }

    private int queries(LocalMysql db) throws Exception {
        AtomicInteger count = new AtomicInteger();
        try (Connection real = db.connect()) {
            Connection counting = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        Object result = invoke(method, real, args);
                        if (result instanceof Statement statement) {
                            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                                    (p2, m2, a2) -> {
                                        if (m2.getName().startsWith("execute")) {
                                            count.incrementAndGet();
                                        }
                                        return invoke(m2, statement, a2);
                                    });
                        }
                        return result;
                    });
            dialect.inspector().inspect(counting, InspectScope.ALL);
        }
        return count.get();
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * lower_case_table_names=0 (Linux default): names differing only in case are two tables, and
     * Converge keeps them apart; with 1 or 2 the server folds names itself, on the target and the
     * shadow alike, so both sides still compare in the server's own spelling.
     */
    @Test
    void tableNamesAreCaseSensitiveWhereTheServerIs() throws Exception {
        try (LocalMysql db = LocalMysql.create("lctn"); Connection c = db.connect();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@lower_case_table_names")) {
            rs.next();
            int mode = rs.getInt(1);
            assumeTrue(mode == 0, "lower_case_table_names=" + mode + " here: names fold to one case, nothing to keep apart");
            db.execute("CREATE TABLE Users (id INT PRIMARY KEY); CREATE TABLE users (id BIGINT PRIMARY KEY);");
            SchemaModel m = inspect(db);
            assertEquals(2, m.tables().size());
            assertEquals("Users", m.tables().get(0).name().name());
            assertEquals("int(11)", m.tables().get(0).columns().get(0).type());
            assertEquals("bigint(20)", m.tables().get(1).columns().get(0).type());
        }
    }
}
