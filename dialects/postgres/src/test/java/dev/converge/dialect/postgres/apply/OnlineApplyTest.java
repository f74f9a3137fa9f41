package dev.converge.dialect.postgres.apply;

import dev.converge.engine.safety.SafetyPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.history.PostgresHistoryStore;
import dev.converge.dialect.postgres.testing.PlanFixture;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.apply.StatementRunner;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.spi.PlanAnnotator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Plans made with the online strategies apply on a real server and converge; a failed concurrent
 * index build leaves no invalid index; a table locked by another session makes apply time out, retry
 * and fail clearly without leaving anything half-done.
 */
class OnlineApplyTest {
    private static final String CURRENT = "CREATE TABLE p (id int PRIMARY KEY);"
            + " CREATE TABLE t (id int, p_id int, n int, email text);"
            + " CREATE INDEX t_old ON t (n);"
            + " INSERT INTO p VALUES (1); INSERT INTO t VALUES (1, 1, 5, 'a'), (2, NULL, 6, 'b');";
    private static final String DESIRED = "CREATE TABLE p (id int PRIMARY KEY);"
            + " CREATE TABLE t (id int, p_id int CONSTRAINT t_p_fk REFERENCES p (id), n int NOT NULL"
            + " CONSTRAINT t_n_check CHECK (n > 0), email text);"
            + " CREATE UNIQUE INDEX t_email ON t (email);";

    @Test
    void onlinePlanRunsItsStatementsOnTheirOwnAndConverges() throws SQLException {
        try (PlanFixture fixture = new PlanFixture(CURRENT, DESIRED)) {
            Plan plan = fixture.plan(OnlineStrategies.ALL);
            List<String> sql = plan.steps().stream().flatMap(s -> s.statements().stream())
                    .filter(s -> !s.transactional()).map(DdlStatement::sql).toList();
            assertTrue(sql.contains("CREATE UNIQUE INDEX CONCURRENTLY t_email ON public.t USING btree (email)"), sql.toString());
            assertTrue(sql.contains("DROP INDEX CONCURRENTLY \"public\".\"t_old\""), sql.toString());
            assertTrue(sql.contains("ALTER TABLE \"public\".\"t\" VALIDATE CONSTRAINT \"t_p_fk\""), sql.toString());
            assertTrue(sql.contains("ALTER TABLE \"public\".\"t\" VALIDATE CONSTRAINT \"t_n_check\""), sql.toString());
            assertTrue(sql.contains("ALTER TABLE \"public\".\"t\" VALIDATE CONSTRAINT \"n_not_null\""), sql.toString());
            try (Connection c = fixture.target.connect()) {
                new Applier(new PostgresHistoryStore(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(c, plan, "h");
            }
            assertTrue(fixture.plan(OnlineStrategies.ALL).isEmpty(), "a new plan is empty");
        }
    }

    @Test
    void aFailedConcurrentBuildLeavesNoInvalidIndex() throws SQLException {
        try (PlanFixture fixture = new PlanFixture("CREATE TABLE t (id int, email text);"
                + " INSERT INTO t VALUES (1, 'a'), (2, 'a');", "CREATE TABLE t (id int, email text);"
                + " CREATE UNIQUE INDEX t_email ON t (email);")) {
            Plan plan = fixture.plan(OnlineStrategies.ALL, new PlanAnnotator.Options(false, Duration.ZERO, 0));
            try (Connection c = fixture.target.connect()) {
                ConvergeException e = assertThrows(ConvergeException.class,
                        () -> new Applier(new PostgresHistoryStore(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(c, plan, "h"));
                assertTrue(e.getMessage().contains("could not create unique index"), e.getMessage());
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM pg_class WHERE relname = 't_email'")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "the invalid index was dropped");
                }
            }
        }
    }

    @Test
    void aLockedTableMakesApplyRetryThenFailWithNothingChanged() throws SQLException {
        try (PlanFixture fixture = new PlanFixture("CREATE TABLE t (id int);",
                "CREATE TABLE a_new (id int); CREATE TABLE t (id int, note text);");
             Connection holder = fixture.target.connect(); Connection c = fixture.target.connect()) {
            Plan plan = fixture.plan(OnlineStrategies.ALL);
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("LOCK TABLE t IN ACCESS SHARE MODE");
            }
            StatementRunner runner = new StatementRunner(new StatementRunner.Settings(Duration.ofMillis(50),
                    Duration.ZERO, Duration.ofMillis(300), Duration.ofMillis(20), Duration.ofMillis(50)),
                    new PostgresSessionTimeouts(), new Random(1), d -> { }, StatementRunner.Listener.NONE);
            ConvergeException e = assertThrows(ConvergeException.class,
                    () -> new Applier(new PostgresHistoryStore(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).executor(runner).apply(c, plan, "h"));
            assertTrue(e.getMessage().contains("could not get the lock it needs within lock_timeout 50ms"), e.getMessage());
            assertTrue(e.getMessage().contains("The target is as it was before the apply."), e.getMessage());
            holder.rollback();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM pg_class WHERE relname = 'a_new'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the step before the locked one was rolled back too");
            }
        }
    }
}
