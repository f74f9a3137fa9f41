package dev.converge.dialect.mysql.apply;

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
import dev.converge.engine.plan.Fingerprints;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.spi.ApplyLock;
import dev.converge.engine.spi.Checkpoint;
import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MySQL DDL commits implicitly, so every step is its own checkpoint and a failure undoes the steps
 * already done with their inverse statements, in reverse order. Fault injection: the applying
 * connection is KILLed before each step in turn; the target is then at its last checkpoint, and
 * --resume completes the apply.
 */
class MysqlApplyTest {
    static final String BEFORE = """
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL, email VARCHAR(100));
            CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2));
            CREATE TABLE legacy (id INT PRIMARY KEY, note TEXT);
            INSERT INTO customers VALUES (1, 'a', 'a@example.com'), (2, 'b', 'b@example.com'), (3, 'c', 'c@example.com');
            INSERT INTO orders VALUES (1, 1, 1.50), (2, 2, 2.50), (3, 1, 3.50);
            INSERT INTO legacy VALUES (1, 'old');
            """;
    static final String DESIRED = """
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL, email VARCHAR(100), tier VARCHAR(10),
                KEY ix_email (email));
            CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2), note TEXT,
                KEY ix_customer (customer_id),
                CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customers (id));
            CREATE TABLE invoices (id INT PRIMARY KEY, order_id INT NOT NULL);
            CREATE VIEW order_totals AS SELECT customer_id, SUM(total) AS total FROM orders GROUP BY customer_id;
            """;

    private final MysqlDialect dialect = new MysqlDialect();

    private SchemaModel inspect(LocalMysql db) throws SQLException {
        try (Connection c = db.connect()) {
            return dialect.inspector().inspect(c, InspectScope.ALL);
        }
    }

    private SavedPlan plan(LocalMysql target, String desired) throws SQLException {
        try (LocalMysql d = LocalMysql.create("applyd")) {
            d.load(desired);
            SchemaModel want = inspect(d);
            SchemaModel current = inspect(target);
            Plan plan = Planner.of(dialect).plan(current, want, target.url().display());
            return new SavedPlan(plan, List.of(), current, want, "test", null);
        }
    }

    private static String rows(LocalMysql db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT CONCAT((SELECT GROUP_CONCAT(id, name, email ORDER BY id) FROM customers), '|',"
                        + " (SELECT GROUP_CONCAT(id, customer_id, total ORDER BY id) FROM orders))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void everyStepRunsOutsideATransactionAndIsCheckpointed() throws Exception {
        try (LocalMysql target = LocalMysql.create("apply")) {
            target.execute(BEFORE);
            SavedPlan saved = plan(target, DESIRED);
            assertTrue(saved.plan().steps().stream().filter(step -> !step.isMadeByPreviousStep())
                    .noneMatch(PlanStep::isTransactional));
            assertTrue(saved.plan().steps().stream().anyMatch(PlanStep::isMadeByPreviousStep),
                    "clauses of one table are combined");
            try (Connection c = target.connect()) {
                ApplyResult result = new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(c, saved);
                assertEquals(HistoryEntry.CONVERGED, result.status());
                List<Checkpoint> checkpoints = dialect.history().checkpoints(c, result.historyId());
                // A step outside a transaction is marked started before it runs, then done after it committed.
                assertEquals(saved.plan().steps().stream().map(PlanStep::number).toList(), checkpoints.stream()
                        .filter(cp -> cp.status().equals(Checkpoint.DONE)).map(Checkpoint::step).toList());
                // No inspection after each step: MySQL's checkpoints keep no fingerprint (resume re-plans).
                assertTrue(checkpoints.stream().allMatch(cp -> cp.fingerprint() == null), checkpoints.toString());
            }
            assertEquals(Fingerprints.of(saved.desired()), Fingerprints.of(inspect(target)));
        }
    }

    @Test
    void aFailingStepUndoesTheStepsBeforeItInReverseOrder() throws Exception {
        try (LocalMysql target = LocalMysql.create("applyundo")) {
            target.execute(BEFORE + "INSERT INTO orders VALUES (4, 99, 1.00);");
            String rowsBefore = rows(target);
            SchemaModel before = inspect(target);
            SavedPlan saved = plan(target, DESIRED.replace(", note TEXT", ""));
            try (Connection c = target.connect()) {
                ConvergeException failure = assertThrows(ConvergeException.class,
                        () -> new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(c, saved));
                assertTrue(failure.getMessage().contains("fk_customer"), failure.getMessage());
                HistoryEntry entry = dialect.history().list(c, 1).get(0);
                assertEquals(HistoryEntry.ROLLED_BACK, entry.status(), entry.outcome());
                assertTrue(dialect.history().checkpoints(c, entry.id()).stream()
                        .anyMatch(cp -> cp.status().equals(Checkpoint.UNDONE)));
            }
            assertEquals(before, inspect(target), "the undo puts the target back as it was");
            assertEquals(rowsBefore, rows(target));
        }
    }

    @Test
    void killedBeforeEveryStepThenResumedConverges() throws Exception {
        int steps;
        try (LocalMysql probe = LocalMysql.create("applyprobe")) {
            probe.execute(BEFORE);
            steps = plan(probe, DESIRED).plan().steps().size();
        }
        assertTrue(steps >= 6, "steps: " + steps);
        for (int k = 1; k <= steps; k++) {
            try (LocalMysql target = LocalMysql.create("applykill")) {
                target.execute(BEFORE);
                String rowsBefore = rows(target);
                SavedPlan saved = plan(target, DESIRED);
                int killAt = k;
                try (Connection c = target.connect()) {
                    Applier applier = new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).listener((connection, step) -> {
                        if (step.number() == killAt) {
                            kill(target, connection);
                        }
                    });
                    assertThrows(ConvergeException.class, () -> applier.apply(c, saved));
                }
                try (Connection c = target.connect()) {
                    HistoryEntry entry = dialect.history().list(c, 1).get(0);
                    List<Checkpoint> done = dialect.history().checkpoints(c, entry.id());
                    assertTrue(done.stream().allMatch(cp -> cp.step() < killAt), "kill before " + k + ": " + done);
                    // A step made by the statement of the step before is killed after that statement ran and
                    // before its checkpoint: the cut-off case, which resume undoes and runs again.
                    if (!saved.plan().steps().get(k - 1).isMadeByPreviousStep()) {
                        // At the last checkpoint: a new plan has exactly the steps not done (what resume checks).
                        List<Integer> doneSteps = done.stream().filter(cp -> cp.status().equals(Checkpoint.DONE))
                                .map(Checkpoint::step).toList();
                        List<String> notDone = saved.plan().steps().stream()
                                .filter(s -> !doneSteps.contains(s.number())).map(PlanStep::id).sorted().toList();
                        List<String> replanned = Planner.of(dialect).plan(inspect(target), saved.desired(), "t")
                                .steps().stream().map(PlanStep::id).sorted().toList();
                        assertEquals(notDone, replanned, "at the last checkpoint after a kill before " + k);
                    }
                    ApplyResult resumed = new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).resume(c, null);
                    assertEquals(HistoryEntry.CONVERGED, resumed.status(), "resume after a kill before step " + k);
                }
                assertEquals(Fingerprints.of(saved.desired()), Fingerprints.of(inspect(target)));
                assertEquals(rowsBefore, rows(target));
            }
        }
    }

    /** Without fingerprints at its checkpoints, resume still refuses a target changed by hand since. */
    @Test
    void resumeRefusesATargetChangedSinceItsLastCheckpoint() throws Exception {
        try (LocalMysql target = LocalMysql.create("applymoved")) {
            target.execute(BEFORE);
            SavedPlan saved = plan(target, DESIRED);
            int killAt = saved.plan().steps().stream().filter(s -> s.number() > 1 && !s.isMadeByPreviousStep())
                    .findFirst().orElseThrow().number();
            try (Connection c = target.connect()) {
                Applier applier = new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive())
                        .listener((connection, step) -> {
                            if (step.number() == killAt) {
                                kill(target, connection);
                            }
                        });
                assertThrows(ConvergeException.class, () -> applier.apply(c, saved));
            }
            target.execute("ALTER TABLE customers ADD COLUMN by_hand TEXT;");
            SchemaModel moved = inspect(target);
            try (Connection c = target.connect()) {
                ConvergeException refused = assertThrows(ConvergeException.class, () -> new Applier(dialect,
                        Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).resume(c, null));
                assertTrue(refused.getMessage().contains("changed since its last checkpoint"), refused.getMessage());
            }
            assertEquals(moved, inspect(target), "nothing was run");
        }
    }

    @Test
    void aSecondApplyWaitsForTheLockAndSaysWhoHoldsIt() throws Exception {
        try (LocalMysql target = LocalMysql.create("applylock"); Connection first = target.connect();
             Connection second = target.connect()) {
            ApplyLock lock = dialect.applyLock();
            try (ApplyLock.Held held = lock.acquire(first, "all", Duration.ZERO)) {
                ConvergeException e = assertThrows(ConvergeException.class,
                        () -> lock.acquire(second, "all", Duration.ofMillis(100)));
                assertTrue(e.getMessage().contains("held by connection"), e.getMessage());
                try (ApplyLock.Held other = lock.acquire(second, "other scope", Duration.ZERO)) {
                    assertTrue(other != null);
                }
            }
            try (ApplyLock.Held again = lock.acquire(second, "all", Duration.ZERO)) {
                assertTrue(again != null, "released on close");
            }
        }
    }

    /** The CLI's statement runner speaks MySQL's lock_wait_timeout, not PostgreSQL's lock_timeout. */
    @Test
    void theStatementRunnerWithItsTimeoutsRunsMysqlDdl() throws Exception {
        try (LocalMysql target = LocalMysql.create("runner"); Connection c = target.connect()) {
            dev.converge.engine.apply.StatementRunner.standard(new MysqlSessionTimeouts()).run(c,
                    dev.converge.engine.plan.DdlStatement.outsideTransaction("CREATE TABLE t (id INT PRIMARY KEY)"));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT @@SESSION.lock_wait_timeout = @@GLOBAL.lock_wait_timeout")) {
                rs.next();
                assertTrue(rs.getBoolean(1), "the session's lock_wait_timeout is back to its default");
            }
            assertEquals(1, inspect(target).tables().size());
        }
    }

    /** KILLs the applying connection from a second session, as an operator (or a crash) would. */
    private static void kill(LocalMysql db, Connection applying) {
        try (Statement st = applying.createStatement(); ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            long id = rs.getLong(1);
            try (Connection killer = db.connect(); Statement k = killer.createStatement()) {
                k.execute("KILL " + id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
