package dev.converge.dialect.mysql.safety;

import static dev.converge.engine.testing.DataCheckAssertions.checks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.mysql.MysqlDialect;
import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.PlanAnnotator;
import dev.converge.engine.testing.DataPreChecksContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Each MySQL data pre-check against real rows on the local MariaDB: once with data that makes the step
 * fail (the plan shows the count and an example and marks the step failing, so apply refuses it) and
 * once with data that does not. The target's databases are fresh and dropped afterwards.
 */
class MysqlDataPreChecksTest extends DataPreChecksContract {
    private static final MysqlDialect DIALECT = new MysqlDialect();
    private static final String NULL_IN_N = "CREATE TABLE t (id INT PRIMARY KEY, n INT); INSERT INTO t VALUES (1, NULL);";
    private static final String N_NOT_NULL = "CREATE TABLE t (id INT PRIMARY KEY, n INT NOT NULL);";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("NOT NULL over NULLs",
                        "CREATE TABLE t (id INT PRIMARY KEY, shipped DATE); INSERT INTO t VALUES (1, NULL), (2, NULL), (3, '2026-01-01');",
                        "CREATE TABLE t (id INT PRIMARY KEY, shipped DATE); INSERT INTO t VALUES (1, '2026-01-01');",
                        "CREATE TABLE t (id INT PRIMARY KEY, shipped DATE NOT NULL);", 2L, "id='1'"),
                Arguments.of("unique index over duplicates",
                        "CREATE TABLE t (id INT PRIMARY KEY, email VARCHAR(50)); INSERT INTO t VALUES (1, 'a'), (2, 'a'), (3, NULL), (4, NULL);",
                        "CREATE TABLE t (id INT PRIMARY KEY, email VARCHAR(50)); INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, NULL), (4, NULL);",
                        "CREATE TABLE t (id INT PRIMARY KEY, email VARCHAR(50), UNIQUE KEY t_email (email));", 1L, "'a'"),
                Arguments.of("unique prefix index over duplicate prefixes",
                        "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(50)); INSERT INTO t VALUES (1, 'abcdef'), (2, 'abcxyz');",
                        "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(50)); INSERT INTO t VALUES (1, 'abcdef'), (2, 'abdxyz');",
                        "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(50), UNIQUE KEY t_name (name(3)));", 1L, "'abc'"),
                Arguments.of("primary key over duplicates",
                        "CREATE TABLE t (id INT NOT NULL, n INT); INSERT INTO t VALUES (1, 1), (1, 2), (2, 3);",
                        "CREATE TABLE t (id INT NOT NULL, n INT); INSERT INTO t VALUES (1, 1), (2, 3);",
                        "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, n INT);", 1L, "'1'"),
                Arguments.of("CHECK violated",
                        "CREATE TABLE t (id INT PRIMARY KEY, total DECIMAL(10,2)); INSERT INTO t VALUES (1, -5), (2, 3), (3, NULL);",
                        "CREATE TABLE t (id INT PRIMARY KEY, total DECIMAL(10,2)); INSERT INTO t VALUES (1, 5), (2, NULL);",
                        "CREATE TABLE t (id INT PRIMARY KEY, total DECIMAL(10,2), CONSTRAINT t_total CHECK (total >= 0));",
                        1L, "id='1'"),
                Arguments.of("foreign key orphans",
                        "CREATE TABLE p (id INT PRIMARY KEY); CREATE TABLE c (id INT PRIMARY KEY, p_id INT, KEY c_p (p_id));"
                                + " INSERT INTO p VALUES (1); INSERT INTO c VALUES (1, 1), (2, 7), (3, NULL);",
                        "CREATE TABLE p (id INT PRIMARY KEY); CREATE TABLE c (id INT PRIMARY KEY, p_id INT, KEY c_p (p_id));"
                                + " INSERT INTO p VALUES (1); INSERT INTO c VALUES (1, 1), (3, NULL);",
                        "CREATE TABLE p (id INT PRIMARY KEY); CREATE TABLE c (id INT PRIMARY KEY, p_id INT, KEY c_p (p_id),"
                                + " CONSTRAINT c_p_fk FOREIGN KEY (p_id) REFERENCES p (id));", 1L, "'7'"),
                Arguments.of("varchar shortened below the longest value",
                        "CREATE TABLE t (id INT PRIMARY KEY, code VARCHAR(20)); INSERT INTO t VALUES (1, 'abcdefghijkl');",
                        "CREATE TABLE t (id INT PRIMARY KEY, code VARCHAR(20)); INSERT INTO t VALUES (1, 'abc');",
                        "CREATE TABLE t (id INT PRIMARY KEY, code VARCHAR(5));", 1L, "abcdefghijkl"),
                Arguments.of("bigint narrowed to int over its range",
                        "CREATE TABLE t (id INT PRIMARY KEY, n BIGINT); INSERT INTO t VALUES (1, 5000000000), (2, 1);",
                        "CREATE TABLE t (id INT PRIMARY KEY, n BIGINT); INSERT INTO t VALUES (1, 5), (2, -7);",
                        "CREATE TABLE t (id INT PRIMARY KEY, n INT);", 1L, "5000000000"),
                Arguments.of("signed int made UNSIGNED over a negative value",
                        "CREATE TABLE t (id INT PRIMARY KEY, n INT); INSERT INTO t VALUES (1, -1);",
                        "CREATE TABLE t (id INT PRIMARY KEY, n INT); INSERT INTO t VALUES (1, 1);",
                        "CREATE TABLE t (id INT PRIMARY KEY, n INT UNSIGNED);", 1L, "-1"),
                Arguments.of("decimal precision narrowed below a value",
                        "CREATE TABLE t (id INT PRIMARY KEY, amount DECIMAL(10,2)); INSERT INTO t VALUES (1, 12345.67);",
                        "CREATE TABLE t (id INT PRIMARY KEY, amount DECIMAL(10,2)); INSERT INTO t VALUES (1, 123.45);",
                        "CREATE TABLE t (id INT PRIMARY KEY, amount DECIMAL(5,2));", 1L, "12345.67"),
                Arguments.of("enum value removed while in use",
                        "CREATE TABLE t (id INT PRIMARY KEY, m ENUM('sad','ok','meh')); INSERT INTO t VALUES (1, 'meh'), (2, 'ok');",
                        "CREATE TABLE t (id INT PRIMARY KEY, m ENUM('sad','ok','meh')); INSERT INTO t VALUES (2, 'ok');",
                        "CREATE TABLE t (id INT PRIMARY KEY, m ENUM('sad','ok'));", 1L, "meh"),
                Arguments.of("set value removed while in use",
                        "CREATE TABLE t (id INT PRIMARY KEY, f SET('a','b','c')); INSERT INTO t VALUES (1, 'a,c'), (2, 'b');",
                        "CREATE TABLE t (id INT PRIMARY KEY, f SET('a','b','c')); INSERT INTO t VALUES (2, 'a,b');",
                        "CREATE TABLE t (id INT PRIMARY KEY, f SET('a','b'));", 1L, "a,c"));
    }

    @Override
    protected Target target(String current, String desired) {
        return options -> plan(current, desired, options);
    }

    @Override
    protected Target nullMadeNotNull() {
        return target(NULL_IN_N, N_NOT_NULL);
    }

    @Test
    void aLargeTableIsProbedOnItsFirstRowsAndTheCheckSaysSo() throws SQLException {
        StringBuilder rows = new StringBuilder("INSERT INTO t VALUES (1, NULL)");
        for (int i = 2; i <= 300; i++) {
            rows.append(", (").append(i).append(", ").append(i).append(')');
        }
        Plan plan = plan("CREATE TABLE t (id INT PRIMARY KEY, n INT); " + rows + "; ANALYZE TABLE t;",
                "CREATE TABLE t (id INT PRIMARY KEY, n INT NOT NULL);", new PlanAnnotator.Options(true, Duration.ofSeconds(10), 100));
        DataCheck check = checks(plan).get(0);
        assertTrue(check.failed(), check.toString());
        assertTrue(check.note() != null && check.note().startsWith("sampled the first 100 of ~"), check.toString());
    }

    @Test
    void turnedOffChecksAreReportedAsNotChecked() throws SQLException {
        Plan plan = plan(NULL_IN_N, N_NOT_NULL, new PlanAnnotator.Options(false, Duration.ZERO, 0));
        assertEquals("not checked: t.n has no NULLs [skipped: data checks are turned off]", checks(plan).get(0).describe());
    }

    /** The plan from a fresh database holding {@code current} to {@code desired}, with the target's live facts. */
    private static Plan plan(String current, String desired, PlanAnnotator.Options options) throws SQLException {
        try (LocalMysql target = LocalMysql.create("safety_pc"); LocalMysql wanted = LocalMysql.create("safety_pd")) {
            target.execute(current);
            wanted.execute(desired);
            SchemaModel desiredModel;
            try (Connection d = wanted.connect()) {
                desiredModel = DIALECT.inspector().inspect(d, InspectScope.ALL);
            }
            try (Connection c = target.connect()) {
                SchemaModel currentModel = DIALECT.inspector().inspect(c, InspectScope.ALL);
                Plan plan = Planner.of(DIALECT).plan(currentModel, desiredModel, "fixture");
                return DIALECT.annotator().annotate(plan, c, currentModel, options);
            }
        }
    }
}
