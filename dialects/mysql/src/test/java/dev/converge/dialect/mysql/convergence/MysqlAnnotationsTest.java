package dev.converge.dialect.mysql.convergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.mysql.MysqlDialect;
import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.change.Rename;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The converge: annotations in MySQL desired files, through the same path as the CLI: renames keep
 * the rows of a renamed table or column (and a column whose name changes only in case is renamed, not
 * dropped), ignored objects are left alone on both sides, and an annotation Converge cannot act on is
 * bad input at its file:line:col.
 */
class MysqlAnnotationsTest {
    private final ConvergenceRunner runner = new ConvergenceRunner();
    private final MysqlDialect dialect = new MysqlDialect();

    @Test
    void renamedTableAndColumnsKeepTheirRows() {
        ConvergenceRunner.Outcome outcome = runner.run(ConvergenceCase.named("72-table-and-column-renamed-from"),
                target -> assertEquals(List.of("1 Ada London", "2 Grace Arlington"),
                        rows(target, "SELECT id, display_name, town FROM clients ORDER BY id")));
        List<String> renames = outcome.plan().steps().stream().filter(s -> s.change() instanceof Rename)
                .map(PlanStep::description).toList();
        assertEquals(3, renames.size(), renames.toString());
        assertEquals(3, outcome.plan().steps().size(), "nothing but the renames: indexes and keys follow by themselves");
    }

    @Test
    void aColumnWhoseNameChangesOnlyInCaseIsRenamed() {
        ConvergenceRunner.Outcome outcome = runner.run(ConvergenceCase.named("73-column-name-case-only"),
                target -> assertEquals(List.of("1 Ada ada@example.com"), rows(target, "SELECT id, name, email FROM users")));
        String sql = outcome.plan().steps().stream().flatMap(s -> s.statements().stream())
                .map(s -> s.sql()).reduce("", (a, b) -> a + b + "\n");
        assertTrue(sql.contains("RENAME COLUMN `Name` TO `name`"), sql);
        assertTrue(!sql.contains("DROP COLUMN"), sql);
    }

    @Test
    void aRenamedTableKeepsItsTriggersAndRows() {
        runner.run(ConvergenceCase.named("75-renamed-table-keeps-its-triggers"),
                target -> assertEquals(List.of("1 5"), rows(target, "SELECT id, qty FROM items")));
    }

    @Test
    void ignoredObjectsAreNeitherCreatedChangedNorDropped() throws Exception {
        try (LocalMysql a = LocalMysql.create("myobj_ign")) {
            a.execute("CREATE TABLE t (id INT PRIMARY KEY, a INT); CREATE TABLE legacy (id INT PRIMARY KEY);"
                    + "CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;"
                    + "CREATE PROCEDURE legacy_job() SELECT 1;");
            Path dir = Files.createTempDirectory("myobj-ignore");
            Files.writeString(dir.resolve("desired.sql"), "CREATE TABLE t (id INT PRIMARY KEY, a INT);\n"
                    + "-- converge:ignore\nCREATE TABLE legacy (id INT PRIMARY KEY, other INT);\n"
                    + "-- converge:ignore\nCREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 2;\n"
                    + "-- converge:ignore\nCREATE PROCEDURE legacy_job() SELECT 2;\n"
                    + "-- converge:ignore\nCREATE FUNCTION not_there() RETURNS INT RETURN 1;\n");
            try (Connection target = a.connect()) {
                DesiredState desired = new DesiredStateResolver(dialect).resolve(dir.toString(), ShadowSpec.SERVER,
                        a.url(), dialect.version(target), InspectScope.ALL);
                Plan plan = Planner.of(dialect).plan(dialect.inspector().inspect(target, InspectScope.ALL),
                        desired.model(), "a", desired.source());
                assertTrue(plan.isEmpty(), plan.steps().stream().map(PlanStep::description).toList().toString());
                // without the annotations the same files change all four
                Plan unannotated = Planner.of(dialect).plan(dialect.inspector().inspect(target, InspectScope.ALL),
                        desired.model(), "a");
                assertEquals(5, unannotated.steps().size(),
                        unannotated.steps().stream().map(PlanStep::description).toList().toString());
            }
        }
    }

    @Test
    void annotationsConvergeCannotActOnAreBadInputAtTheirPlace() {
        BadInputException e = assertThrows(BadInputException.class, () -> parse(
                "CREATE TABLE t (\n  id INT,\n  -- converge:renamed-from\n  a INT\n);\n"
                        + "-- converge:renamed-from old_tr\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;\n"
                        + "-- converge:allow NOT_A_CODE\nCREATE TABLE u (id INT);\n"
                        + "-- converge:frobnicate\nCREATE TABLE v (id INT);\n"
                        + "-- converge:ignore\nINSERT INTO t VALUES (1, 1);\n"
                        + "-- converge:renamed-from child fk\nCREATE TABLE w (id INT);\n"
                        + "-- converge:renamed-from `child fk`\nCREATE TABLE x (id INT);\n"));
        List<String> where = e.diagnostics().stream().map(d -> d.span() + " " + d.message()).toList();
        assertEquals(List.of("s.sql:3:3 converge:renamed-from needs the old name",
                "s.sql:6:1 converge:renamed-from on a trigger is not supported",
                "s.sql:8:1 converge:allow needs hazard codes, got 'NOT_A_CODE'",
                "s.sql:10:1 unknown annotation converge:frobnicate",
                "s.sql:12:1 converge:ignore is not attached to an object",
                "s.sql:14:1 converge:renamed-from takes one name, got 'child fk'"), where);
    }

    @Test
    void declarationsAreFoundForEveryKindOfObject() {
        SourceModel source = parse("CREATE TABLE `db2`.t (id INT);\nCREATE OR REPLACE ALGORITHM=MERGE DEFINER=`a`@`%`"
                + " SQL SECURITY INVOKER VIEW v AS SELECT 1;\nCREATE UNIQUE INDEX ix ON t (id);\n"
                + "CREATE DEFINER=root@localhost TRIGGER tr BEFORE INSERT ON `t` FOR EACH ROW SET NEW.id = 1;\n"
                + "CREATE FUNCTION f() RETURNS INT RETURN 1;\nCREATE EVENT e ON SCHEDULE EVERY 1 DAY DO SELECT 1;\n");
        List<String> declared = new ArrayList<>(source.declarations().entrySet().stream()
                .map(d -> d.getKey() + "@" + d.getValue().line()).toList());
        declared.sort(null);
        assertEquals(List.of("index:db.t.ix@3", "routine:db.e()@6", "routine:db.f()@5", "table:db.t@1",
                "trigger:db.t.tr@4", "view:db.v@2"), declared);
    }

    private SourceModel parse(String text) {
        return dialect.loader().parse(dialect.splitter().split(new SourceFile("s.sql", text)));
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }
}
