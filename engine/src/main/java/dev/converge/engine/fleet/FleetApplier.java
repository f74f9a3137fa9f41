package dev.converge.engine.fleet;

import dev.converge.engine.diag.Plural;
import dev.converge.engine.apply.ApplyContext;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.apply.ApplyResult;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.apply.StatementExecutor;
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.json.PlanJson;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.phase.Phase;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.project.TenantsConfig;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.safety.SafetyPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import dev.converge.engine.model.SchemaModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FleetApplier rolls one desired state out to every target of an environment: canary targets first,
 * one at a time, and any canary failure stops the rollout; then the others, {@code parallelism} at a
 * time. With on_error stop, the first failure stops new targets from starting (those running
 * finish); with continue, the rollout goes on until more targets than the failure budget have
 * failed. The rollout starts from a fresh fleet plan (tenant schemas of one database inspected in
 * one bulk inspection), so a target already converged (a re-run after a partial rollout) is skipped
 * without inspecting it again, and destructive steps are refused unless the policy allows them.
 * Every apply goes through the engine's {@link Applier}, in one place ({@link #applyOne}), which
 * re-checks the target's schema fingerprint under its lock: a tenant changed since the fleet plan is
 * refused, not applied blindly.
 */
public final class FleetApplier {
    private final Dialect dialect;
    private final FleetPlanner planner;
    private final Clock clock;
    private final String gitCommit;

    /** @param gitCommit the commit of the desired files, recorded with each apply, or null */
    public FleetApplier(Dialect dialect, FleetPlanner planner, Clock clock, String gitCommit) {
        this.dialect = dialect;
        this.planner = planner;
        this.clock = clock;
        this.gitCommit = gitCommit;
    }

    /**
     * What the rollout is allowed to do and how it proceeds.
     *
     * @param saved    the reviewed fleet plan each target must still match, or null to apply what is planned now
     * @param executor runs every statement (the environment's lock and statement timeouts, retries)
     * @param resume   a target whose last apply stopped at a checkpoint continues that apply from it
     *                 (its own scope: a tenant schema resumes its own apply, not its neighbour's); the
     *                 others are applied as usual
     * @param phase    the phase every target gets (expand or contract), or null for the whole plan
     */
    public record Rollout(List<String> canary, int parallelism, TenantsConfig.OnError onError, int failureBudget,
                          SafetyPolicy policy, String note, SavedFleetPlan saved, StatementExecutor executor,
                          boolean resume, TargetPhase phase) {
        public Rollout {
            canary = List.copyOf(canary);
        }

        /** What each target's history row keeps: the phase, then the note. */
        String remark() {
            return phase == null ? note : phase.remark(note);
        }
    }

    public FleetApplyResult apply(String environment, List<FleetTarget> targets, DesiredState desired,
                                  TargetConnections connections, Rollout rollout, FleetProgress progress) {
        Instant start = clock.instant();
        TargetOutcome[] outcomes = new TargetOutcome[targets.size()];
        Set<String> canaries = new HashSet<>(rollout.canary());
        Run run = new Run(targets.size(), progress, rollout);
        // A resumed apply inspects on its own (it must find its interrupted apply and where it stopped).
        // A phase plans and backfills each target on its own connection, with its own convergence rule.
        List<List<Integer>> batches = rollout.resume() || rollout.phase() != null ? List.of()
                : batches(targets, canaries);
        Set<Integer> batched = new HashSet<>();
        batches.forEach(batched::addAll);
        List<Integer> alone = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!batched.contains(i)) {
                alone.add(i);
            }
        }
        List<TargetPlan> alonePlans = planner.plan(environment, alone.stream().map(targets::get).toList(), desired,
                connections, rollout.parallelism()).targets();
        Map<Integer, TargetPlan> plans = new HashMap<>();
        for (int k = 0; k < alone.size(); k++) {
            plans.put(alone.get(k), alonePlans.get(k));
        }
        for (int i : alone) {
            if (canaries.contains(targets.get(i).name())) {
                outcomes[i] = run.stopped() ? TargetOutcome.notStarted(targets.get(i), true)
                        : run.finish(applyOne(plans.get(i), true, desired, connections, rollout, false), true);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(rollout.parallelism(),
                targets.size())));
        try {
            List<Future<TargetOutcome>> futures = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            for (int i : alone) {
                FleetTarget target = targets.get(i);
                TargetPlan plan = plans.get(i);
                if (outcomes[i] != null) {
                    continue;
                }
                indexes.add(i);
                futures.add(pool.submit(() -> run.stopped() ? run.skip(target)
                        : run.finish(applyOne(plan, false, desired, connections, rollout, false), false)));
            }
            for (List<Integer> batch : batches) {
                applyBatch(environment, batch, targets, outcomes, desired, connections, rollout, run, pool);
            }
            for (int k = 0; k < futures.size(); k++) {
                outcomes[indexes.get(k)] = join(futures.get(k), targets.get(indexes.get(k)));
            }
        } finally {
            pool.shutdownNow();
        }
        return new FleetApplyResult(environment, desired.hash(), start,
                clock.instant().toEpochMilli() - start.toEpochMilli(), List.of(outcomes), run.stopReason(),
                rollout.note());
    }

    /** Tenant schemas per batch: one bulk inspection to plan them, one to check their convergence. */
    static final int BATCH = 500;

    /**
     * Tenant schemas sharing a database (not canaries), in batches of at most {@link #BATCH}, by
     * index into {@code targets}. A database with one such tenant has no batch: the usual path costs
     * the same for it.
     */
    static List<List<Integer>> batches(List<FleetTarget> targets, Set<String> canaries) {
        Map<String, List<Integer>> byDatabase = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            FleetTarget target = targets.get(i);
            if (target.schema() != null && !canaries.contains(target.name())) {
                byDatabase.computeIfAbsent(target.url().jdbcUrl(), u -> new ArrayList<>()).add(i);
            }
        }
        List<List<Integer>> batches = new ArrayList<>();
        for (List<Integer> sharing : byDatabase.values()) {
            if (sharing.size() < 2) {
                continue;
            }
            for (int from = 0; from < sharing.size(); from += BATCH) {
                batches.add(sharing.subList(from, Math.min(sharing.size(), from + BATCH)));
            }
        }
        return batches;
    }

    /**
     * Applies one batch of tenant schemas of one database with the inspections shared: the batch is
     * planned from one bulk inspection, each tenant is applied under its own apply lock (on the
     * session that runs its statements, so a statement left running by a killed client keeps its
     * tenant locked) without inspecting again, and one more bulk inspection checks convergence for
     * all of them, recorded in each apply's history row. Under its lock each tenant is checked for
     * another apply since the bulk inspection (its newest history row must be the one the plan saw);
     * a change by hand in that window is caught by the convergence check.
     */
    private void applyBatch(String environment, List<Integer> batch, List<FleetTarget> targets,
                            TargetOutcome[] outcomes, DesiredState desired, TargetConnections connections,
                            Rollout rollout, Run run, ExecutorService pool) {
        if (run.stopped()) {
            batch.forEach(i -> outcomes[i] = run.skip(targets.get(i)));
            return;
        }
        try {
            List<TargetPlan> plans = planner.plan(environment, batch.stream().map(targets::get).toList(), desired,
                    connections, rollout.parallelism()).targets();
            List<Future<TargetOutcome>> futures = new ArrayList<>();
            for (TargetPlan plan : plans) {
                futures.add(pool.submit(() -> {
                    if (run.stopped()) {
                        return run.skip(plan.target());
                    }
                    TargetOutcome outcome = applyOne(plan, false, desired, connections, rollout, true);
                    // An applied tenant is reported once its convergence is known, below.
                    return outcome.status() == TargetOutcome.Status.APPLIED ? outcome : run.finish(outcome, false);
                }));
            }
            Map<Integer, TargetPlan> applied = new LinkedHashMap<>();
            for (int k = 0; k < futures.size(); k++) {
                int i = batch.get(k);
                outcomes[i] = join(futures.get(k), targets.get(i));
                if (outcomes[i].status() == TargetOutcome.Status.APPLIED) {
                    applied.put(i, plans.get(k));
                }
            }
            try (Connection connection = connections.open(targets.get(batch.get(0)))) {
                checkConvergence(connection, applied, outcomes, desired, run);
            }
        } catch (SQLException | RuntimeException e) {
            String message = Redaction.passwords(String.valueOf(e.getMessage()));
            for (int i : batch) {
                if (outcomes[i] == null) {
                    outcomes[i] = run.finish(outcome(targets.get(i), false, TargetOutcome.Status.FAILED, 0,
                            clock.millis(), 0, message), false);
                }
            }
        }
    }

    /** Null when the target's newest history row is still the one its plan saw; else which apply came since. */
    private String anotherApplySince(TargetPlan plan, Connection connection) throws SQLException {
        List<HistoryEntry> newest = dialect.history().listFor(connection, plan.target().environment(),
                plan.target().name(), 1);
        long now = newest.isEmpty() ? 0 : newest.get(0).id();
        long then = plan.latest() == null ? 0 : plan.latest().id();
        return now == then ? null : "apply #" + now + " ran on it since";
    }

    /**
     * The convergence check of a batch's applied tenants, in one bulk inspection: each tenant's
     * outcome is what a new plan still has (nothing: applied, its history row says converged). When
     * the check itself fails, the tenants stay applied and their outcome says the check failed.
     */
    private void checkConvergence(Connection connection, Map<Integer, TargetPlan> applied, TargetOutcome[] outcomes,
                                  DesiredState desired, Run run) {
        if (applied.isEmpty()) {
            return;
        }
        Applier recorder = new Applier(dialect, clock);
        Set<Integer> reported = new HashSet<>();
        try {
            Map<FleetTarget, SchemaModel> now = planner.inspectTogether(connection,
                    applied.values().stream().map(TargetPlan::target).toList());
            for (Map.Entry<Integer, TargetPlan> entry : applied.entrySet()) {
                TargetPlan plan = entry.getValue();
                TargetOutcome done = outcomes[entry.getKey()];
                List<String> remaining = planner.remaining(connection, plan.target(), now.get(plan.target()),
                        plan.wanted(), desired);
                recorder.recordConvergence(connection, done.historyId(), remaining, done.durationMillis());
                outcomes[entry.getKey()] = run.finish(remaining.isEmpty() ? done : new TargetOutcome(done.name(),
                        done.target(), done.canary(), TargetOutcome.Status.NOT_CONVERGED, done.steps(), done.durationMillis(),
                        done.historyId(), "a re-plan still has " + Plural.count(remaining.size(), "step") + ": "
                        + String.join("; ", remaining)), false);
                reported.add(entry.getKey());
            }
        } catch (SQLException | RuntimeException e) {
            String message = "applied; checking convergence failed: " + Redaction.passwords(String.valueOf(e.getMessage()));
            for (int i : applied.keySet()) {
                TargetOutcome done = outcomes[i];
                if (!reported.contains(i)) {
                    outcomes[i] = run.finish(new TargetOutcome(done.name(), done.target(), done.canary(), done.status(),
                            done.steps(), done.durationMillis(), done.historyId(), message), false);
                }
            }
        }
    }

    /** Applies one target's plan on a connection of its own; never throws. */
    TargetOutcome applyOne(TargetPlan before, boolean canary, DesiredState desired, TargetConnections connections,
                           FleetApplier.Rollout rollout, boolean batched) {
        long started = clock.millis();
        FleetTarget target = before.target();
        if (before.failed()) {
            return outcome(target, canary, TargetOutcome.Status.FAILED, 0, started, 0, before.error());
        }
        String stale = rollout.saved() == null ? null : rollout.saved().refusal(before);
        if (stale != null) {
            return outcome(target, canary, TargetOutcome.Status.REFUSED, 0, started, 0, stale);
        }
        try (Connection connection = connections.open(target)) {
            SourceModel source = planner.sourceFor(target, desired.source());
            Applier applier = new Applier(dialect, clock).executor(rollout.executor()).source(source)
                    .policy(rollout.policy().withAllowedOn(source.allowancesByName()));
            Set<String> scope = Set.copyOf(target.scope().schemas());
            if (rollout.resume() && applier.canResume(connection, scope)) {
                return resumed(target, canary, started, applier.resume(connection, null, scope));
            }
            TargetPhase phase = rollout.phase();
            Plan plan = phase == null ? before.plan() : phase.plan(dialect, before, connection);
            var allowed = phase == null ? source.allowancesByName() : phase.allowances(source.allowancesByName(), before);
            String snapshot = ModelJson.write(planner.desiredFor(target, desired.model()));
            ApplyContext context = new ApplyContext(target.environment(), target.name(), snapshot, rollout.remark());
            if (plan.isEmpty()) {
                if (phase != null && !phase.backfill(dialect, before, plan, connection)) {
                    return interrupted(target, canary, started, 0, 0);
                }
                recordConverged(connection, before, desired, context);
                return outcome(target, canary, TargetOutcome.Status.CONVERGED, 0, started, 0, null);
            }
            applier.policy(rollout.policy().withAllowedOn(allowed));
            // Judged here too, to report the refusal as this target's outcome; the applier would throw it.
            List<SafetyPolicy.Refusal> refusals = rollout.policy().withAllowedOn(allowed).refusals(plan);
            if (!refusals.isEmpty()) {
                return outcome(target, canary, TargetOutcome.Status.REFUSED, 0, started, 0, refusal(refusals));
            }
            SavedPlan saved = new SavedPlan(plan, List.copyOf(target.scope().schemas()), before.current(),
                    before.wanted(), desired.hash(), gitCommit);
            if (batched) {
                // Planned from the batch's bulk inspection; convergence is checked in bulk too.
                applier.inspected(before.current(), c -> anotherApplySince(before, c)).deferConvergence();
            }
            ApplyResult result = applier.context(context).apply(connection, saved);
            if (phase != null && !phase.backfill(dialect, before, plan, connection)) {
                return interrupted(target, canary, started, plan.steps().size(), result.historyId());
            }
            // After expand, what a re-plan still has is contract's: expand is done when only that remains.
            if (!result.converged() && (phase == null || phase.phase() != Phase.EXPAND)) {
                return outcome(target, canary, TargetOutcome.Status.NOT_CONVERGED, plan.steps().size(), started,
                        result.historyId(), "a re-plan still has " + Plural.count(result.remaining().size(), "step") + ": "
                        + String.join("; ", result.remaining()));
            }
            return outcome(target, canary, TargetOutcome.Status.APPLIED, plan.steps().size(), started,
                    result.historyId(), null);
        } catch (ConvergeException e) {
            TargetOutcome.Status status = e.kind() == ErrorKind.REFUSED ? TargetOutcome.Status.REFUSED
                    : TargetOutcome.Status.FAILED;
            return outcome(target, canary, status, 0, started, 0, Redaction.text(String.valueOf(e.getMessage())));
        } catch (SQLException | RuntimeException e) {
            return outcome(target, canary, TargetOutcome.Status.FAILED, 0, started, 0,
                    Redaction.text(String.valueOf(e.getMessage())));
        }
    }

    /** Why a target's plan may not run: its data (no flag helps), or the environment's policy (and what allows it). */
    private static String refusal(List<SafetyPolicy.Refusal> refusals) {
        SafetyPolicy.Refusal first = refusals.get(0);
        boolean failsOnData = refusals.stream()
                .allMatch(r -> r.step().safety().checks().stream().anyMatch(DataCheck::failed));
        return Plural.count(refusals.size(), "step") + (failsOnData ? " would fail on this target's data, e.g. "
                : " refused by the environment's policy, e.g. ") + first.step().description() + ": "
                + String.join("; ", first.reasons())
                + (failsOnData ? "" : " (allow in converge.yaml: policy allow_destructive, allow_hazards or max_lock)");
    }

    /** A resumed apply ends like any other: converged, or with what a re-plan still finds. */
    private TargetOutcome resumed(FleetTarget target, boolean canary, long started, ApplyResult result) {
        if (!result.converged()) {
            return outcome(target, canary, TargetOutcome.Status.NOT_CONVERGED, result.statementsRun(), started,
                    result.historyId(), "resumed apply #" + result.historyId() + "; a re-plan still has "
                    + Plural.count(result.remaining().size(), "step") + ": " + String.join("; ", result.remaining()));
        }
        return outcome(target, canary, TargetOutcome.Status.APPLIED, result.statementsRun(), started,
                result.historyId(), "resumed apply #" + result.historyId() + " from its last checkpoint");
    }

    /**
     * A target already in sync under a desired state it has no record of (the same schema from other
     * files, or a re-run) gets a history row for it, so promotion and status see the hash it is at.
     */
    private void recordConverged(Connection connection, TargetPlan state, DesiredState desired, ApplyContext context)
            throws SQLException {
        HistoryEntry last = state.lastApply();
        if (last != null && desired.hash().equals(last.desiredHash()) && state.drift() == Drift.NONE) {
            return;
        }
        dialect.history().ensure(connection);
        dialect.history().record(connection, new HistoryEntry(0, clock.instant(), currentUser(connection),
                desired.hash(), PlanJson.writeCompact(state.plan()), "converged (nothing to apply)", 0,
                HistoryEntry.CONVERGED, gitCommit, context.environment(), context.target(), context.desiredSnapshot(),
                context.note()));
    }

    private TargetOutcome outcome(FleetTarget target, boolean canary, TargetOutcome.Status status, int steps,
                                  long started, long historyId, String message) {
        return new TargetOutcome(target.name(), target.display(), canary, status, steps, clock.millis() - started,
                historyId, message);
    }

    private static String currentUser(Connection connection) {
        try {
            return connection.getMetaData().getUserName();
        } catch (SQLException e) {
            return "unknown";
        }
    }

    private static TargetOutcome join(Future<TargetOutcome> future, FleetTarget target) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TargetOutcome.notStarted(target, false);
        } catch (java.util.concurrent.ExecutionException e) {
            return new TargetOutcome(target.name(), target.display(), false, TargetOutcome.Status.FAILED, 0, 0, 0,
                    String.valueOf(e.getCause()));
        }
    }

    /** A target whose expand applied but whose backfill a signal stopped at a checkpoint. */
    private TargetOutcome interrupted(FleetTarget target, boolean canary, long started, int steps, long historyId) {
        return outcome(target, canary, TargetOutcome.Status.FAILED, steps, started, historyId, "backfill interrupted at a"
                + " checkpoint: run 'converge apply --env " + target.environment() + " --phase expand' again to resume it");
    }

    /** The shared state of one rollout: progress, failures and whether it has stopped. */
    private static final class Run {
        private final int total;
        private final FleetProgress progress;
        private final Rollout rollout;
        private final AtomicInteger done = new AtomicInteger();
        private int failures;
        private String stopReason;

        Run(int total, FleetProgress progress, Rollout rollout) {
            this.total = total;
            this.progress = progress;
            this.rollout = rollout;
        }

        synchronized boolean stopped() {
            return stopReason() != null;
        }

        synchronized String stopReason() {
            if (stopReason == null && rollout.phase() != null && rollout.phase().stopRequested()) {
                stopReason = "interrupted by a signal";
            }
            return stopReason;
        }

        synchronized TargetOutcome finish(TargetOutcome outcome, boolean canary) {
            if (outcome.status().isFailure()) {
                failures++;
                if (stopReason() == null) { // a signal is the reason, rather than the failure it caused
                    if (canary) {
                        stopReason = "canary " + outcome.name() + " " + outcome.status().label();
                    } else if (rollout.onError() == TenantsConfig.OnError.STOP) {
                        stopReason = outcome.name() + " " + outcome.status().label() + " (on_error: stop)";
                    } else if (failures > rollout.failureBudget()) {
                        stopReason = Plural.count(failures, "target") + " failed, more than the failure budget of "
                                + rollout.failureBudget();
                    }
                }
            }
            progress.finished(outcome, done.incrementAndGet(), total);
            return outcome;
        }

        synchronized TargetOutcome skip(FleetTarget target) {
            TargetOutcome outcome = TargetOutcome.notStarted(target, false);
            progress.finished(outcome, done.incrementAndGet(), total);
            return outcome;
        }
    }
}
