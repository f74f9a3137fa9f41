package dev.converge.dialect.postgres.live;

import static dev.converge.engine.testing.DataCheckAssertions.checks;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.PlanFixture;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.spi.PlanAnnotator;
import dev.converge.engine.testing.DataPreChecksContract;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Each data pre-check against real rows: once with data that makes the step fail (the plan shows the
 * count and an example and marks the step failing) and once with data that does not.
 */
class DataPreChecksTest extends DataPreChecksContract {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("SET NOT NULL over NULLs",
                        "CREATE TABLE t (id int, shipped_at date); INSERT INTO t VALUES (1, NULL), (2, NULL), (3, now());",
                        "CREATE TABLE t (id int, shipped_at date); INSERT INTO t VALUES (1, now());",
                        "CREATE TABLE t (id int, shipped_at date NOT NULL);", 2L, "(1,)"),
                Arguments.of("unique constraint over duplicates",
                        "CREATE TABLE t (id int, email text); INSERT INTO t VALUES (1, 'a'), (2, 'a'), (3, NULL), (4, NULL);",
                        "CREATE TABLE t (id int, email text); INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, NULL), (4, NULL);",
                        "CREATE TABLE t (id int, email text CONSTRAINT t_email_key UNIQUE);", 1L, "(a)"),
                Arguments.of("unique index over duplicates",
                        "CREATE TABLE t (id int, email text); INSERT INTO t VALUES (1, 'A'), (2, 'a');",
                        "CREATE TABLE t (id int, email text); INSERT INTO t VALUES (1, 'A'), (2, 'b');",
                        "CREATE TABLE t (id int, email text); CREATE UNIQUE INDEX t_lower_email ON t (lower(email));",
                        1L, "(a)"),
                Arguments.of("primary key over duplicates",
                        "CREATE TABLE t (id int NOT NULL); INSERT INTO t VALUES (1), (1), (2);",
                        "CREATE TABLE t (id int NOT NULL); INSERT INTO t VALUES (1), (2);",
                        "CREATE TABLE t (id int CONSTRAINT t_pkey PRIMARY KEY);", 1L, "(1)"),
                Arguments.of("CHECK violated",
                        "CREATE TABLE t (id int, total numeric); INSERT INTO t VALUES (1, -5), (2, 3), (3, NULL);",
                        "CREATE TABLE t (id int, total numeric); INSERT INTO t VALUES (1, 5), (2, NULL);",
                        "CREATE TABLE t (id int, total numeric CONSTRAINT t_total_check CHECK (total >= 0));", 1L,
                        "(1,-5)"),
                Arguments.of("foreign key orphans",
                        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (id int, p_id int);"
                                + " INSERT INTO p VALUES (1); INSERT INTO c VALUES (1, 1), (2, 7), (3, NULL);",
                        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (id int, p_id int);"
                                + " INSERT INTO p VALUES (1); INSERT INTO c VALUES (1, 1), (3, NULL);",
                        "CREATE TABLE p (id int PRIMARY KEY);"
                                + " CREATE TABLE c (id int, p_id int CONSTRAINT c_p_fk REFERENCES p (id));", 1L, "7"),
                Arguments.of("varchar narrowed below the longest value",
                        "CREATE TABLE t (id int, code varchar(20)); INSERT INTO t VALUES (1, 'abcdefghijkl');",
                        "CREATE TABLE t (id int, code varchar(20)); INSERT INTO t VALUES (1, 'abc');",
                        "CREATE TABLE t (id int, code varchar(5));", 1L, "abcdefghijkl"),
                Arguments.of("bigint narrowed to integer over its range",
                        "CREATE TABLE t (id int, n bigint); INSERT INTO t VALUES (1, 5000000000), (2, 1);",
                        "CREATE TABLE t (id int, n bigint); INSERT INTO t VALUES (1, 5), (2, -7);",
                        "CREATE TABLE t (id int, n integer);", 1L, "5000000000"),
                Arguments.of("numeric precision narrowed below a value",
                        "CREATE TABLE t (id int, amount numeric(10,2)); INSERT INTO t VALUES (1, 12345.67);",
                        "CREATE TABLE t (id int, amount numeric(10,2)); INSERT INTO t VALUES (1, 123.45);",
                        "CREATE TABLE t (id int, amount numeric(5,2));", 1L, "12345.67"),
                Arguments.of("enum label still in use",
                        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'meh'); CREATE TABLE t (id int, m mood);"
                                + " INSERT INTO t VALUES (1, 'meh'), (2, 'ok');",
                        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'meh'); CREATE TABLE t (id int, m mood);"
                                + " INSERT INTO t VALUES (2, 'ok');",
                        "CREATE TYPE mood2 AS ENUM ('sad', 'ok'); CREATE TABLE t (id int, m mood2);", 1L, "meh"));
    }

    @Override
    protected Target target(String current, String desired) {
        PlanFixture fixture = new PlanFixture(current, desired);
        return new Target() {
            @Override
            public Plan plan(PlanAnnotator.Options options) {
                return fixture.plan(OnlineStrategies.ALL, options);
            }

            @Override
            public void close() {
                fixture.close();
            }
        };
    }

    @Override
    protected Target nullMadeNotNull() {
        return target("CREATE TABLE t (id int, n int); INSERT INTO t VALUES (1, NULL);",
                "CREATE TABLE t (id int, n int NOT NULL);");
    }

    @Test
    void aLargeTableIsSampledAndTheCheckSaysSo() {
        try (PlanFixture fixture = new PlanFixture("CREATE TABLE t (id int, n int);"
                        + " INSERT INTO t SELECT g, CASE WHEN g % 2 = 0 THEN NULL ELSE g END FROM generate_series(1, 20000) g;"
                        + " ANALYZE t;",
                "CREATE TABLE t (id int, n int NOT NULL);")) {
            Plan plan = fixture.plan(OnlineStrategies.ALL, new PlanAnnotator.Options(true, Duration.ofSeconds(10), 5000));
            DataCheck check = checks(plan).get(0);
            assertTrue(check.note() != null && check.note().startsWith("sampled about 5,000 of ~20,000 rows"),
                    check.toString());
        }
    }

    @Test
    void lockingStepsShowTheTableSizeFromStatistics() {
        try (PlanFixture fixture = new PlanFixture("CREATE TABLE orders (id int, n int);"
                        + " INSERT INTO orders SELECT g, g FROM generate_series(1, 3000) g; ANALYZE orders;",
                "CREATE TABLE orders (id int, n bigint);")) {
            Plan plan = fixture.plan(OnlineStrategies.ALL);
            String impact = plan.steps().get(0).safety().impacts().get(0).describe();
            assertTrue(impact.matches("rewrites public\\.orders: ~3\\.0k rows, \\d+(\\.\\d)? kB"), impact);
        }
    }
}
