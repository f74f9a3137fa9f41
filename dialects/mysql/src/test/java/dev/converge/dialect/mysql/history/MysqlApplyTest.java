package dev.converge.dialect.mysql.history;

import dev.converge.engine.safety.SafetyPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.mysql.MysqlDialect;
import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.apply.ApplyResult;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.spi.ApplyLock;
import dev.converge.engine.spi.Checkpoint;
import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's applier on MariaDB/MySQL: every step its own checkpoint, undone by inverses on failure; the lock. */
class MysqlApplyTest {
    private final MysqlDialect dialect = new MysqlDialect();

    @Test
    void aFailedStepUndoesTheStepsBeforeItByTheirInverses() throws Exception {
        try (LocalMysql target = LocalMysql.create("apply"); LocalMysql desired = LocalMysql.create("applyd")) {
            target.execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(100));"
                    + "INSERT INTO customer VALUES (1, 'a@example.com'), (2, 'a@example.com');");
            desired.execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(100), tier VARCHAR(10),"
                    + " UNIQUE KEY customer_email (email));"
                    + "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL);");
            try (Connection c = target.connect(); Connection d = desired.connect()) {
                SchemaModel current = dialect.inspector().inspect(c, InspectScope.ALL);
                SchemaModel want = dialect.inspector().inspect(d, InspectScope.ALL);
                Plan plan = Planner.of(dialect).plan(current, want, "mysql://test");
                SavedPlan saved = new SavedPlan(plan, List.of(), current, want, "h", null);
                ConvergeException failure = assertThrows(ConvergeException.class,
                        () -> new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(c, saved));
                assertTrue(failure.getMessage().contains("as it was before the apply"), failure.getMessage());
                assertEquals(current, dialect.inspector().inspect(c, InspectScope.ALL), failure.getMessage());
                HistoryEntry entry = dialect.history().list(c, 1).get(0);
                assertEquals(HistoryEntry.ROLLED_BACK, entry.status(), entry.outcome());
                assertTrue(dialect.history().checkpoints(c, entry.id()).stream()
                        .anyMatch(cp -> cp.status().equals(Checkpoint.UNDONE)), "steps were undone");

                try (var st = c.createStatement()) {
                    st.execute("UPDATE customer SET email = 'b@example.com' WHERE id = 2");
                }
                ApplyResult result = new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(c, saved);
                assertEquals(HistoryEntry.CONVERGED, result.status());
            }
        }
    }

    @Test
    void aSecondSessionWaitsForTheLockThenSaysWhoHoldsIt() throws Exception {
        try (LocalMysql db = LocalMysql.create("lock"); Connection first = db.connect(); Connection second = db.connect()) {
            try (ApplyLock.Held held = dialect.applyLock().acquire(first, "*", Duration.ZERO)) {
                ConvergeException e = assertThrows(ConvergeException.class,
                        () -> dialect.applyLock().acquire(second, "*", Duration.ofMillis(300)));
                assertTrue(e.getMessage().contains("held by connection"), e.getMessage());
                dialect.applyLock().acquire(second, "other-scope", Duration.ZERO).close();
            }
            dialect.applyLock().acquire(second, "*", Duration.ZERO).close();
        }
    }
}
