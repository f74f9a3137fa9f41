package dev.converge.dialect.postgres.apply;

import dev.converge.engine.safety.SafetyPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.apply.ApplyResult;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.spi.Checkpoint;
import dev.converge.engine.spi.HistoryEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kills the applying backend (pg_terminate_backend from a second session) before each step of a plan
 * that mixes transactional steps, concurrent index builds and a drop, in turn. After every kill the
 * target is exactly at its before-state or at the last recorded checkpoint, --resume finishes the
 * apply, the target converges, and the rows of every kept table are untouched.
 */
class ApplierFaultInjectionTest {
    private final ConcurrentIndexDialect dialect = new ConcurrentIndexDialect();

    @Test
    void thePlanMixesTransactionalAndConcurrentSteps() {
        try (ApplyScenario scenario = ApplyScenario.shop(dialect, "applymix")) {
            List<PlanStep> steps = scenario.saved.plan().steps();
            assertTrue(steps.size() >= 8, "a plan of at least 8 steps: " + ids(steps));
            assertTrue(steps.stream().anyMatch(s -> !s.isTransactional()), ids(steps));
            assertTrue(steps.stream().filter(PlanStep::isTransactional).count() >= 4, ids(steps));
            PlanStep last = steps.get(steps.size() - 1);
            assertEquals("drop-table:public.legacy", last.id(), "destructive steps run last: " + ids(steps));
            assertTrue(!last.isReversible(), "a dropped table cannot be undone");
        }
    }

    @Test
    void killedBeforeEveryStepThenResumedConverges() throws Exception {
        int steps;
        try (ApplyScenario probe = ApplyScenario.shop(dialect, "applyprobe")) {
            steps = probe.saved.plan().steps().size();
        }
        for (int k = 1; k <= steps; k++) {
            try (ApplyScenario scenario = ApplyScenario.shop(dialect, "applykill")) {
                Map<String, String> rowsBefore = scenario.checksums();
                int killAt = k;
                ConvergeException failure;
                try (Connection c = scenario.connect()) {
                    Applier applier = new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).listener((connection, step) -> {
                        if (step.number() == killAt) {
                            terminate(scenario.target, connection);
                        }
                    });
                    failure = assertThrows(ConvergeException.class, () -> applier.apply(c, scenario.saved));
                }
                assertTrue(failure.getMessage().contains("--resume"), failure.getMessage());

                try (Connection c = scenario.connect()) {
                    HistoryEntry entry = dialect.history().list(c, 1).get(0);
                    assertEquals(HistoryEntry.RUNNING, entry.status(), "a killed apply stays resumable");
                    List<Checkpoint> checkpoints = dialect.history().checkpoints(c, entry.id());
                    String expected = checkpoints.isEmpty() ? scenario.saved.plan().currentFingerprint()
                            : checkpoints.get(checkpoints.size() - 1).fingerprint();
                    assertTrue(checkpoints.stream().allMatch(cp -> cp.step() < killAt),
                            "no step at or after " + killAt + " is recorded done: " + checkpoints);
                    assertEquals(expected, scenario.fingerprint(),
                            "after a kill before step " + k + " the target is at its last checkpoint");
                    assertEquals(rowsBefore, scenario.checksums());

                    ApplyResult resumed = new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).resume(c, null);
                    assertEquals(HistoryEntry.CONVERGED, resumed.status(), "resume after a kill before step " + k);
                    assertEquals(entry.id(), resumed.historyId());
                }
                assertEquals(rowsBefore, scenario.checksums(), "rows survive a kill before step " + k);
                assertEquals(Fingerprints.desired(scenario), scenario.fingerprint());
            }
        }
    }

    /**
     * The worst instant: a concurrent index build has finished but its checkpoint is not written. The
     * target is one step past its checkpoint; resume takes that step away by its inverse and runs it again.
     */
    @Test
    void killedAfterAConcurrentStepRanButBeforeItsCheckpointResumes() throws Exception {
        List<Integer> concurrent;
        try (ApplyScenario probe = ApplyScenario.shop(dialect, "applyprobe2")) {
            concurrent = probe.saved.plan().steps().stream().filter(s -> !s.isTransactional()).map(PlanStep::number).toList();
        }
        assertTrue(!concurrent.isEmpty());
        for (int k : concurrent) {
            try (ApplyScenario scenario = ApplyScenario.shop(dialect, "applycut")) {
                Map<String, String> rowsBefore = scenario.checksums();
                try (Connection c = scenario.connect()) {
                    Applier applier = new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).listener(new dev.converge.engine.apply.ApplyListener() {
                        @Override
                        public void beforeStep(Connection connection, PlanStep step) {
                        }

                        @Override
                        public void afterStatements(Connection connection, PlanStep step) {
                            if (step.number() == k) {
                                terminate(scenario.target, connection);
                            }
                        }
                    });
                    assertThrows(ConvergeException.class, () -> applier.apply(c, scenario.saved));
                }
                try (Connection c = scenario.connect()) {
                    ApplyResult resumed = new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).resume(c, null);
                    assertEquals(HistoryEntry.CONVERGED, resumed.status(), "resume after a cut-off step " + k);
                    assertTrue(noInvalidIndex(c));
                }
                assertEquals(rowsBefore, scenario.checksums());
            }
        }
    }

    @Test
    void aUniqueIndexOverDuplicatesRollsBackToTheBeforeState() throws Exception {
        String before = ApplyScenario.BEFORE + "UPDATE public.customers SET email = 'same@example.com' WHERE id <= 2;";
        String desired = ApplyScenario.DESIRED.replace("CREATE INDEX customers_email_idx", "CREATE UNIQUE INDEX customers_email_idx");
        for (var d : List.of(dialect, new dev.converge.dialect.postgres.PostgresDialect())) {
            try (ApplyScenario scenario = ApplyScenario.create(d, "applydup", before, desired);
                 Connection c = scenario.connect()) {
                Map<String, String> rowsBefore = scenario.checksums();
                String fingerprintBefore = scenario.fingerprint();
                ConvergeException failure = assertThrows(ConvergeException.class,
                        () -> new Applier(d, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(c, scenario.saved));
                assertTrue(failure.getMessage().contains("could not create unique index"), failure.getMessage());
                assertTrue(failure.getMessage().contains("as it was before the apply"), failure.getMessage());
                assertEquals(fingerprintBefore, scenario.fingerprint(), "back to the before-state (" + d.getClass() + ")");
                assertEquals(rowsBefore, scenario.checksums());
                HistoryEntry entry = d.history().list(c, 1).get(0);
                assertEquals(HistoryEntry.ROLLED_BACK, entry.status(), entry.outcome());
                assertTrue(noInvalidIndex(c), "a failed concurrent build leaves no INVALID index behind");
            }
        }
    }

    @Test
    void aFreshApplyConvergesAndRecordsEveryStep() throws Exception {
        try (ApplyScenario scenario = ApplyScenario.shop(dialect, "applyok"); Connection c = scenario.connect()) {
            Map<String, String> rowsBefore = scenario.checksums();
            ApplyResult result = new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(c, scenario.saved);
            assertEquals(HistoryEntry.CONVERGED, result.status());
            List<Checkpoint> checkpoints = dialect.history().checkpoints(c, result.historyId());
            List<Checkpoint> done = checkpoints.stream().filter(cp -> cp.status().equals(Checkpoint.DONE)).toList();
            assertEquals(scenario.saved.plan().steps().stream().map(PlanStep::number).toList(),
                    done.stream().map(Checkpoint::step).toList());
            // Each group's checkpoints keep the fingerprint a resume after them compares with; after the
            // last group there is nothing to resume, so its checkpoints keep none (no inspection for them).
            List<dev.converge.engine.apply.StepGroup> groups = dev.converge.engine.apply.ApplyGroups.of(
                    scenario.saved.plan().steps());
            List<Integer> last = groups.get(groups.size() - 1).steps().stream().map(PlanStep::number).toList();
            assertTrue(groups.size() > 1, "the scenario has groups before its last");
            assertTrue(done.stream().allMatch(cp -> (cp.fingerprint() == null) == last.contains(cp.step())),
                    done.toString());
            List<Integer> started = checkpoints.stream().filter(cp -> cp.status().equals(Checkpoint.STARTED))
                    .map(Checkpoint::step).toList();
            assertEquals(scenario.saved.plan().steps().stream().filter(s -> !s.isTransactional()).map(PlanStep::number)
                    .toList(), started, "a step outside a transaction is marked started before it runs");
            assertEquals(rowsBefore, scenario.checksums());
        }
    }

    @Test
    void resumeRefusesATargetChangedSinceItsCheckpointAndThereIsNothingToResumeOnceConverged() throws Exception {
        try (ApplyScenario scenario = ApplyScenario.shop(dialect, "applyresume")) {
            try (Connection c = scenario.connect()) {
                Applier applier = new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).listener((connection, step) -> {
                    if (step.number() == 4) {
                        terminate(scenario.target, connection);
                    }
                });
                assertThrows(ConvergeException.class, () -> applier.apply(c, scenario.saved));
            }
            scenario.target.execute("ALTER TABLE public.orders ADD COLUMN by_hand text");
            try (Connection c = scenario.connect()) {
                ConvergeException refused = assertThrows(ConvergeException.class,
                        () -> new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).resume(c, null));
                assertEquals(dev.converge.engine.diag.ErrorKind.REFUSED, refused.kind());
                assertTrue(refused.getMessage().contains("changed since its last checkpoint"), refused.getMessage());
            }
            scenario.target.execute("ALTER TABLE public.orders DROP COLUMN by_hand");
            try (Connection c = scenario.connect()) {
                assertEquals(HistoryEntry.CONVERGED, new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).resume(c, scenario.saved).status());
                ConvergeException nothing = assertThrows(ConvergeException.class,
                        () -> new Applier(dialect, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).resume(c, null));
                assertEquals(dev.converge.engine.diag.ErrorKind.USAGE, nothing.kind());
                assertTrue(nothing.getMessage().contains("nothing to resume"), nothing.getMessage());
            }
        }
    }

    /** Tenant schemas of one database share its history: each scope resumes its own apply. */
    @Test
    void eachScopeResumesItsOwnApply() throws Exception {
        var postgres = new dev.converge.dialect.postgres.PostgresDialect();
        try (LocalPostgres target = LocalPostgres.create("applyscope"); LocalPostgres desired = LocalPostgres.create("applyscoped")) {
            target.execute("CREATE SCHEMA a; CREATE SCHEMA b;");
            desired.execute("CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (id int); CREATE TABLE a.u (id int);"
                    + " CREATE TABLE b.t (id int);");
            try (Connection c = target.connect(); Connection d = desired.connect()) {
                SavedPlan planA = scoped(postgres, c, d, "a");
                Applier killing = new Applier(postgres, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).listener((connection, step) -> {
                    if (step.number() == 2) {
                        terminate(target, connection);
                    }
                });
                assertThrows(ConvergeException.class, () -> killing.apply(c, planA));
            }
            try (Connection c = target.connect(); Connection d = desired.connect()) {
                SavedPlan planB = scoped(postgres, c, d, "b");
                assertEquals(HistoryEntry.CONVERGED, new Applier(postgres, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(c, planB).status());
                ApplyResult resumed = new Applier(postgres, Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).resume(c, null, java.util.Set.of("a"));
                assertEquals(HistoryEntry.CONVERGED, resumed.status());
            }
        }
    }

    private static SavedPlan scoped(dev.converge.engine.spi.Dialect dialect, Connection target, Connection desired,
                                    String schema) throws SQLException {
        var scope = new dev.converge.engine.spi.InspectScope(java.util.Set.of(schema));
        var current = dialect.inspector().inspect(target, scope);
        var want = dialect.inspector().inspect(desired, scope);
        return new SavedPlan(dev.converge.engine.plan.Planner.of(dialect).plan(current, want, "t"), List.of(schema),
                current, want, "h", null);
    }

    private static boolean noInvalidIndex(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_index WHERE NOT indisvalid");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1) == 0;
        }
    }

    /** Kills the applying session from a second one, as an operator (or a crash) would. */
    static void terminate(LocalPostgres db, Connection applying) {
        try (PreparedStatement pid = applying.prepareStatement("SELECT pg_backend_pid()");
             ResultSet rs = pid.executeQuery()) {
            rs.next();
            int backend = rs.getInt(1);
            try (Connection killer = db.connect();
                 PreparedStatement kill = killer.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
                kill.setInt(1, backend);
                kill.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ids(List<PlanStep> steps) {
        return steps.stream().map(s -> s.number() + ". " + s.id() + (s.isTransactional() ? "" : " (outside tx)"))
                .collect(Collectors.joining(", "));
    }

    /** The fingerprint of the desired state, as the target should show it once converged. */
    private static final class Fingerprints {
        static String desired(ApplyScenario scenario) {
            return dev.converge.engine.plan.Fingerprints.of(scenario.saved.desired());
        }
    }
}
