package dev.converge.engine.apply;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.json.SavedPlanJson;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Fingerprints;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.safety.SafetyPolicy;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.spi.ApplyLock;
import dev.converge.engine.spi.Checkpoint;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.HistoryStore;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applier runs a saved plan against its target, exactly as reviewed, or not at all:
 * <ol>
 *   <li>it takes the dialect's apply lock for the target and scope (a second apply waits, then fails
 *       saying who holds it);</li>
 *   <li>it inspects the target again and refuses the plan when the schema is no longer the one the plan
 *       was made from;</li>
 *   <li>it runs the steps in groups ({@link ApplyGroups}): each group commits with the checkpoints of its
 *       steps, so the target's history always says exactly which steps are in effect;</li>
 *   <li>when a statement fails, the open group rolls back and the groups already committed are undone
 *       by their inverse statements, newest first, back to the state before the apply or to the
 *       checkpoint after the last step that cannot be undone;</li>
 *   <li>when the connection dies or a signal arrives, it stops at the checkpoint, resumable with
 *       {@link #resume};</li>
 *   <li>at the end it inspects the target again and records whether it converged.</li>
 * </ol>
 * Before any of this, the {@linkplain #policy safety policy} judges every step: a step it does not
 * allow (destructive without an allowance, a hazard not allowed, a lock above the maximum, a data
 * pre-check that failed) refuses the whole plan with {@link ErrorKind#REFUSED} and nothing is touched.
 * The policy lives here, where statements run, so that every caller (CLI, fleets, library, Maven
 * plugin, JUnit extension) gets the same refusal; callers only gather the allowances.
 */
public final class Applier {
    private final Dialect dialect;
    private final HistoryStore history;
    private final Clock clock;
    private ApplyListener listener = ApplyListener.NONE;
    private ApplyInterrupt interrupt = new ApplyInterrupt();
    private StatementExecutor executor = StatementExecutor.PLAIN;
    private Duration lockWait = Duration.ZERO;
    private ApplyContext context = ApplyContext.NONE;
    private SourceModel leftAlone = SourceModel.unparsed(List.of());
    private SafetyPolicy policy = SafetyPolicy.DEFAULT;
    private SchemaModel inspected;
    private ChangeCheck changeCheck;
    private boolean convergenceDeferred;

    public Applier(Dialect dialect, Clock clock) {
        this(dialect, dialect.history(), clock);
    }

    /**
     * The applier before saved plans: no lock, no re-inspection, no convergence check. Kept for
     * callers that have a {@link Plan} and no dialect; prefer {@link #Applier(Dialect, Clock)}.
     */
    public Applier(HistoryStore history, Clock clock) {
        this(null, history, clock);
    }

    private Applier(Dialect dialect, HistoryStore history, Clock clock) {
        this.dialect = dialect;
        this.history = history;
        this.clock = clock;
    }

    /** Hears each step as it starts (progress output, fault injection in tests). */
    public Applier listener(ApplyListener stepListener) {
        this.listener = stepListener;
        return this;
    }

    /** The interrupt a signal handler sets to stop the apply at the next safe point. */
    public Applier interrupt(ApplyInterrupt applyInterrupt) {
        this.interrupt = applyInterrupt;
        return this;
    }

    /** Runs every statement (timeouts and retries live there). */
    public Applier executor(StatementExecutor statementExecutor) {
        this.executor = statementExecutor;
        return this;
    }

    /** How long to wait for another apply on the same target and scope to finish. */
    public Applier lockWait(Duration wait) {
        this.lockWait = wait;
        return this;
    }

    /** The project context (environment, target, desired snapshot, note) recorded with the apply. */
    public Applier context(ApplyContext applyContext) {
        this.context = applyContext;
        return this;
    }

    /**
     * The files' source model, whose ignores the convergence check follows: an object the project
     * leaves to others ({@code converge:ignore}, ignore patterns) is no difference after the apply,
     * as it was none in the plan.
     */
    public Applier source(SourceModel source) {
        this.leftAlone = source;
        return this;
    }

    SourceModel source() {
        return leftAlone;
    }

    /**
     * The safety policy every step must pass; {@link SafetyPolicy#DEFAULT} (no destructive step, any
     * lock, no failing data check) unless the caller gathers allowances.
     */
    public Applier policy(SafetyPolicy safetyPolicy) {
        this.policy = java.util.Objects.requireNonNull(safetyPolicy, "safetyPolicy is null");
        return this;
    }

    /**
     * Says whether the target changed since an inspection the caller made, without inspecting again:
     * null when it did not, else what changed. Runs under the apply lock, on the applying session.
     */
    @FunctionalInterface
    public interface ChangeCheck {
        String changeSince(Connection target) throws SQLException;
    }

    /**
     * Gives the applier the caller's inspection of the target (a fleet inspects many tenant schemas
     * in one bulk inspection, where one inspection per tenant scans the shared catalog once per
     * tenant) and a cheap check that it still holds. Under its lock the applier runs the check
     * instead of inspecting again; the stale check compares this model's fingerprint with the plan's.
     * Changes the check cannot see are caught by the convergence check after the apply.
     */
    public Applier inspected(SchemaModel current, ChangeCheck unchangedSince) {
        this.inspected = java.util.Objects.requireNonNull(current, "current is null");
        this.changeCheck = java.util.Objects.requireNonNull(unchangedSince, "unchangedSince is null");
        return this;
    }

    /**
     * Leaves the convergence check to the caller: the apply ends with status applied and no
     * inspection, and the caller checks (a fleet, for many targets in one bulk inspection) and records
     * the verdict with {@link #recordConvergence}.
     */
    public Applier deferConvergence() {
        this.convergenceDeferred = true;
        return this;
    }

    boolean convergenceDeferred() {
        return convergenceDeferred;
    }

    /** The apply lock's scope name for a plan over these schemas ("*": the whole database). */
    private static String lockScope(List<String> schemas) {
        return schemas.isEmpty() ? "*" : String.join(",", schemas);
    }

    /**
     * Records the verdict of a convergence check made by the caller for an apply whose check was
     * {@linkplain #deferConvergence deferred}: the steps a new plan still has (none: converged).
     */
    public void recordConvergence(Connection connection, long historyId, List<String> remaining, long durationMillis)
            throws SQLException {
        history.finish(connection, historyId, remaining.isEmpty() ? HistoryEntry.CONVERGED : HistoryEntry.APPLIED,
                ApplyRun.outcome(remaining.isEmpty() ? HistoryEntry.CONVERGED : HistoryEntry.APPLIED, remaining),
                durationMillis);
    }

    /**
     * Refuses a plan the policy does not allow, before the target is touched, with the message the
     * CLI has always shown (each blocked step, why, and the flag or annotation that allows it).
     */
    private void refuseUnsafe(List<PlanStep> steps) {
        List<SafetyPolicy.Refusal> refusals = policy.refusals(steps);
        if (!refusals.isEmpty()) {
            throw new ConvergeException(ErrorKind.REFUSED, SafetyPolicy.describe(refusals));
        }
    }

    /** Applies a plan made in this process: no saved file, so no schemas to compare beyond its fingerprints. */
    public ApplyResult apply(Connection target, Plan plan, String desiredHash) {
        return apply(target, new SavedPlan(plan, List.of(), SchemaModel.EMPTY, SchemaModel.EMPTY, desiredHash, null));
    }

    /** Applies a saved plan, after checking that the target is still the one it was planned against. */
    public ApplyResult apply(Connection target, SavedPlan saved) {
        refuseUnsafe(saved.plan().steps());
        prepare(target);
        try (ApplyLock.Held ignored = lock(target, saved)) {
            refuseIfStale(target, saved);
            if (saved.plan().isEmpty()) {
                return new ApplyResult(0, 0, 0, HistoryEntry.CONVERGED, List.of());
            }
            if (interrupt.requested()) {
                throw new ConvergeException(ErrorKind.ERROR, "interrupted before the apply started; nothing was changed");
            }
            Instant start = clock.instant();
            long id = history.record(target, new HistoryEntry(0, start, user(target), saved.desiredHash(),
                    SavedPlanJson.writeCompact(saved), "running", 0, HistoryEntry.RUNNING, saved.gitCommit(),
                    context.environment(), context.target(), context.desiredSnapshot(), context.note()));
            return new ApplyRun(this, target, saved, id, start, Map.of()).run();
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot start the apply on " + saved.plan().target() + ": "
                    + e.getMessage() + "\nNothing was changed.", e);
        }
    }

    /**
     * Continues the newest apply of the target, when it stopped at a checkpoint (failed, interrupted,
     * or cut off). {@code planFile} is the plan the caller has, or null to use the one the target keeps;
     * it must be that same plan, and the target must still be exactly as the last checkpoint left it.
     */
    public ApplyResult resume(Connection target, SavedPlan planFile) {
        return resume(target, planFile, planFile == null ? null : Set.copyOf(planFile.schemas()));
    }

    /**
     * The same, for the newest apply of one scope: schemas of one database (tenants) keep one history,
     * and each scope resumes its own apply. {@code schemas} null: the newest apply whatever its scope.
     */
    public ApplyResult resume(Connection target, SavedPlan planFile, Set<String> schemas) {
        prepare(target);
        try {
            HistoryEntry first = newestResumable(target, schemas);
            SavedPlan stored = SavedPlanJson.read(first.planJson(), "the plan kept with apply #" + first.id());
            try (ApplyLock.Held ignored = lock(target, stored)) {
                HistoryEntry entry = newestResumable(target, schemas);
                if (entry.id() != first.id()) {
                    throw new ConvergeException(ErrorKind.REFUSED, "refusing to resume: another apply (#" + entry.id()
                            + ") ran while this one waited for the lock. Nothing was changed.");
                }
                if (planFile != null && !SavedPlanJson.writeCompact(planFile).equals(SavedPlanJson.writeCompact(stored))) {
                    throw new ConvergeException(ErrorKind.REFUSED, "refusing to resume: the plan given is not the plan"
                            + " of the interrupted apply #" + entry.id() + ". Resume without a plan file to use the plan"
                            + " the target keeps, or make a new plan. Nothing was changed.");
                }
                Map<Integer, Checkpoint> latest = latestByStep(history.checkpoints(target, entry.id()));
                // The steps still to run face the policy as a fresh apply would; those done are history.
                refuseUnsafe(stored.plan().steps().stream().filter(s -> !(latest.containsKey(s.number())
                        && latest.get(s.number()).status().equals(Checkpoint.DONE))).toList());
                String expected = stored.plan().currentFingerprint();
                int lastDone = 0;
                for (Checkpoint checkpoint : latest.values()) {
                    if (checkpoint.status().equals(Checkpoint.DONE) && checkpoint.step() > lastDone) {
                        lastDone = checkpoint.step();
                        expected = checkpoint.fingerprint();
                    }
                }
                PlanStep cutOff = cutOffStep(stored, latest);
                if (expected == null && lastDone > 0 && dialect != null) {
                    refuseIfMoved(target, stored, entry.id(), latest, cutOff, lastDone);
                    history.finish(target, entry.id(), HistoryEntry.RUNNING, "resumed after step " + lastDone, 0);
                    return new ApplyRun(this, target, stored, entry.id(), clock.instant(), latest).run();
                }
                String actual = fingerprint(target, stored);
                if (actual != null && expected != null && !actual.equals(expected) && cutOff != null) {
                    actual = removeCutOffStep(target, stored, entry.id(), cutOff);
                }
                if (actual != null && expected != null && !actual.equals(expected)) {
                    throw new ConvergeException(ErrorKind.REFUSED, "refusing to resume apply #" + entry.id() + ": "
                            + stored.plan().target() + " changed since its last checkpoint ("
                            + (lastDone == 0 ? "before step 1" : "after step " + lastDone) + "; schema fingerprint "
                            + StaleTarget.shortHash(expected) + " then, " + StaleTarget.shortHash(actual) + " now).\n"
                            + "Nothing was changed. Bring the target back to that state, or make a new plan.");
                }
                history.finish(target, entry.id(), HistoryEntry.RUNNING, "resumed after step " + lastDone, 0);
                return new ApplyRun(this, target, stored, entry.id(), clock.instant(), latest).run();
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot resume on this target: " + e.getMessage()
                    + "\nNothing was changed.", e);
        }
    }

    /**
     * Resume without a fingerprint at the last checkpoint (a dialect without transactional DDL, see
     * {@link Dialect#transactionalDdl}): the target is where the apply stopped when a new plan from it
     * has exactly the steps not done yet; a step cut off before its checkpoint is taken away first, as
     * with fingerprints. Anything else changed the target since: refused, nothing run.
     */
    private void refuseIfMoved(Connection target, SavedPlan stored, long applyId, Map<Integer, Checkpoint> latest,
                               PlanStep cutOff, int lastDone) throws SQLException {
        List<String> notDone = stored.plan().steps().stream().filter(s -> !(latest.containsKey(s.number())
                && latest.get(s.number()).status().equals(Checkpoint.DONE))).map(PlanStep::id).sorted().toList();
        List<String> planned = replanIds(target, stored);
        if (!planned.equals(notDone) && cutOff != null) {
            removeCutOffStep(target, stored, applyId, cutOff);
            planned = replanIds(target, stored);
        }
        if (!planned.equals(notDone)) {
            throw new ConvergeException(ErrorKind.REFUSED, "refusing to resume apply #" + applyId + ": "
                    + stored.plan().target() + " changed since its last checkpoint (after step " + lastDone
                    + "; a new plan would have the steps " + planned + ", the apply has " + notDone + " left).\n"
                    + "Nothing was changed. Bring the target back to that state, or make a new plan.");
        }
    }

    private List<String> replanIds(Connection target, SavedPlan stored) throws SQLException {
        SchemaModel now = inspect(target, stored);
        return dev.converge.engine.plan.Planner.of(dialect).plan(now, stored.desired(), stored.plan().target(), leftAlone)
                .steps().stream().map(PlanStep::id).sorted().toList();
    }

    /** A non-transactional step whose apply was cut off between its start and its checkpoint, if any. */
    private static PlanStep cutOffStep(SavedPlan saved, Map<Integer, Checkpoint> latest) {
        return saved.plan().steps().stream()
                .filter(s -> latest.containsKey(s.number()) && latest.get(s.number()).status().equals(Checkpoint.STARTED))
                .findFirst().orElse(null);
    }

    /**
     * The cut-off step ran, in full or in part (an INVALID index after a killed CREATE INDEX
     * CONCURRENTLY): its inverse statements take it away so it can run again from the checkpoint.
     * Statements that fail (nothing to remove) are fine. Returns the fingerprint afterwards.
     */
    private String removeCutOffStep(Connection target, SavedPlan saved, long applyId, PlanStep step) throws SQLException {
        for (var statement : step.inverse()) {
            try {
                executor.execute(target, statement, interrupt);
            } catch (SQLException nothingToRemove) {
                // The step had not made it; the fingerprint check below says whether that is all.
            }
        }
        Instant now = clock.instant();
        history.checkpoint(target, new Checkpoint(applyId, step.number(), step.id(), 0, Checkpoint.UNDONE, now, now,
                String.join(";\n", dev.converge.engine.plan.DdlStatement.texts(step.inverse())),
                "cut off before its checkpoint; undone before resuming", null));
        return fingerprint(target, saved);
    }

    /** How far back resume looks for the newest apply of a scope. */
    private static final int RESUME_LOOKBACK = 200;

    /**
     * True when the newest apply of this scope stopped at a checkpoint (failed, interrupted, or cut
     * off), so that {@link #resume(Connection, SavedPlan, Set)} can continue it. Reads only.
     */
    public boolean canResume(Connection target, Set<String> schemas) throws SQLException {
        List<HistoryEntry> newest = newestOf(target, schemas);
        return !newest.isEmpty() && newest.get(0).isResumable();
    }

    private List<HistoryEntry> newestOf(Connection target, Set<String> schemas) throws SQLException {
        return history.list(target, schemas == null ? 1 : RESUME_LOOKBACK).stream()
                .filter(e -> schemas == null || schemas.equals(Set.copyOf(SavedPlanJson.schemas(e.planJson()))))
                .limit(1).toList();
    }

    private HistoryEntry newestResumable(Connection target, Set<String> schemas) throws SQLException {
        List<HistoryEntry> newest = newestOf(target, schemas);
        if (newest.isEmpty() || !newest.get(0).isResumable()) {
            throw new ConvergeException(ErrorKind.USAGE, "nothing to resume: " + (newest.isEmpty()
                    ? "Converge never applied a plan here."
                    : "the last apply (#" + newest.get(0).id() + ") is " + newest.get(0).status() + ".")
                    + " Run 'converge apply' instead.");
        }
        return newest.get(0);
    }

    private static Map<Integer, Checkpoint> latestByStep(List<Checkpoint> checkpoints) {
        Map<Integer, Checkpoint> latest = new HashMap<>();
        checkpoints.forEach(c -> latest.put(c.step(), c));
        return latest;
    }

    private void prepare(Connection target) {
        try {
            target.setAutoCommit(true);
            history.ensure(target);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot prepare the history of the target: " + e.getMessage()
                    + "\nNothing was changed.", e);
        }
    }

    private ApplyLock.Held lock(Connection target, SavedPlan saved) throws SQLException {
        ApplyLock lock = dialect == null ? ApplyLock.NONE : dialect.applyLock();
        return lock.acquire(target, lockScope(saved == null ? List.of() : saved.schemas()), lockWait);
    }

    private void refuseIfStale(Connection target, SavedPlan saved) throws SQLException {
        if (dialect == null) {
            return;
        }
        String changed = inspected == null ? null : changeCheck.changeSince(target);
        if (changed != null) {
            throw new ConvergeException(ErrorKind.REFUSED, "refusing to apply: " + saved.plan().target()
                    + " changed since the plan was made: " + changed + ".\nNothing was changed. Make a new plan.");
        }
        SchemaModel now = inspected != null ? inspected : dialect.inspector().inspect(target, scope(saved));
        String actual = Fingerprints.of(now);
        if (!actual.equals(saved.plan().currentFingerprint())) {
            throw StaleTarget.refusal(saved.plan().target(), saved.current(), saved.plan().currentFingerprint(), now,
                    actual);
        }
    }

    /** The target's schema fingerprint now, or null when this applier cannot inspect. */
    String fingerprint(Connection target, SavedPlan saved) throws SQLException {
        return dialect == null ? null : Fingerprints.of(dialect.inspector().inspect(target, scope(saved)));
    }

    /** The target's schema now, or null when this applier cannot inspect. */
    SchemaModel inspect(Connection target, SavedPlan saved) throws SQLException {
        return dialect == null ? null : dialect.inspector().inspect(target, scope(saved));
    }

    /**
     * The schemas the plan manages, and as managed roles those holding a privilege on either side of
     * it: a managed role with no privilege on either side reads as nothing either way, so the
     * fingerprint of the target comes out the same as when it was planned.
     */
    private static InspectScope scope(SavedPlan saved) {
        Set<String> roles = new java.util.TreeSet<>();
        saved.current().privileges().forEach(p -> roles.add(p.grantee()));
        saved.desired().privileges().forEach(p -> roles.add(p.grantee()));
        return new InspectScope(Set.copyOf(saved.schemas()), roles);
    }

    Dialect dialect() {
        return dialect;
    }

    HistoryStore history() {
        return history;
    }

    Clock clock() {
        return clock;
    }

    ApplyListener listener() {
        return listener;
    }

    ApplyInterrupt interrupt() {
        return interrupt;
    }

    StatementExecutor executor() {
        return executor;
    }

    private static String user(Connection target) {
        try {
            return target.getMetaData().getUserName();
        } catch (SQLException e) {
            return "unknown";
        }
    }
}
