package dev.converge.dialect.mysql.apply;

import dev.converge.engine.safety.SafetyPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.mysql.MysqlDialect;
import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.apply.StatementRunner;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A MySQL table another session holds (an open transaction that read it keeps its metadata lock) makes
 * the ALTER wait for lock_wait_timeout, be retried with backoff within the budget, then fail clearly;
 * the step before it is undone, so the target is as it was.
 */
class MysqlLockedTableTest {
    private final MysqlDialect dialect = new MysqlDialect();

    @Test
    void aHeldMetadataLockMakesApplyRetryThenFailWithNothingChanged() throws SQLException {
        try (LocalMysql target = LocalMysql.create("safety_lock"); LocalMysql wanted = LocalMysql.create("safety_lockd")) {
            target.execute("CREATE TABLE t (id INT PRIMARY KEY); INSERT INTO t VALUES (1);");
            wanted.execute("CREATE TABLE a_new (id INT PRIMARY KEY); CREATE TABLE t (id INT PRIMARY KEY, note TEXT);");
            SavedPlan saved;
            SchemaModel before;
            try (Connection c = target.connect(); Connection d = wanted.connect()) {
                before = dialect.inspector().inspect(c, InspectScope.ALL);
                SchemaModel desired = dialect.inspector().inspect(d, InspectScope.ALL);
                Plan plan = Planner.of(dialect).plan(before, desired, target.url().display());
                saved = new SavedPlan(plan, List.of(), before, desired, "test", null);
            }
            List<Integer> attempts = new ArrayList<>();
            StatementRunner runner = new StatementRunner(new StatementRunner.Settings(Duration.ofSeconds(1),
                    Duration.ZERO, Duration.ofMillis(2500), Duration.ofMillis(20), Duration.ofMillis(50)),
                    dialect.sessionTimeouts(), new Random(3), d -> { }, (statement, attempt, pause, cause) -> attempts.add(attempt));
            try (Connection holder = target.connect(); Connection c = target.connect()) {
                holder.setAutoCommit(false);
                try (Statement st = holder.createStatement()) {
                    st.executeQuery("SELECT * FROM t").close();
                }
                ConvergeException e = assertThrows(ConvergeException.class,
                        () -> new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).executor(runner).apply(c, saved));
                assertTrue(e.getMessage().contains("could not get the lock it needs within lock_timeout 1000ms"),
                        e.getMessage());
                assertTrue(e.getMessage().contains("ALTER TABLE `t`"), e.getMessage());
                assertTrue(!attempts.isEmpty(), "it retried");
                holder.rollback();
                assertEquals(before, dialect.inspector().inspect(c, InspectScope.ALL),
                        "a_new, created before the locked step, was dropped again");
            }
        }
    }
}
