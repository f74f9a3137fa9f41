package dev.converge.engine.fleet;

import dev.converge.engine.diag.Plural;
import dev.converge.engine.apply.ApplyContext;
import dev.converge.engine.apply.ApplyResult;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.apply.StatementExecutor;
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.json.PlanJson;
import dev.converge.engine.plan.Plan;
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
import java.util.HashSet;
import java.util.List;
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
     */
    public record Rollout(List<String> canary, int parallelism, TenantsConfig.OnError onError, int failureBudget,
                          SafetyPolicy policy, String note, SavedFleetPlan saved, StatementExecutor executor,
                          boolean resume) {
        public Rollout {
            canary = List.copyOf(canary);
        }
    }

    public FleetApplyResult apply(String environment, List<FleetTarget> targets, DesiredState desired,
                                  TargetConnections connections, Rollout rollout, FleetProgress progress) {
        Instant start = clock.instant();
        TargetOutcome[] outcomes = new TargetOutcome[targets.size()];
        Set<String> canaries = new HashSet<>(rollout.canary());
        Run run = new Run(targets.size(), progress, rollout);
        List<TargetPlan> plans = planner.plan(environment, targets, desired, connections, rollout.parallelism())
                .targets();
        for (int i = 0; i < targets.size(); i++) {
            FleetTarget target = targets.get(i);
            TargetPlan plan = plans.get(i);
            if (canaries.contains(target.name())) {
                outcomes[i] = run.stopped() ? TargetOutcome.notStarted(target, true)
                        : run.finish(applyOne(plan, true, desired, connections, rollout), true);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(rollout.parallelism(),
                targets.size())));
        try {
            List<Future<TargetOutcome>> futures = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                FleetTarget target = targets.get(i);
                TargetPlan plan = plans.get(i);
                if (outcomes[i] != null) {
                    continue;
                }
                indexes.add(i);
                futures.add(pool.submit(() -> run.stopped() ? run.skip(target)
                        : run.finish(applyOne(plan, false, desired, connections, rollout), false)));
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

    /** Applies one target's plan on a connection of its own; never throws. */
    TargetOutcome applyOne(TargetPlan before, boolean canary, DesiredState desired, TargetConnections connections,
                           FleetApplier.Rollout rollout) {
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
            Plan plan = before.plan();
            String snapshot = ModelJson.write(planner.desiredFor(target, desired.model()));
            ApplyContext context = new ApplyContext(target.environment(), target.name(), snapshot, rollout.note());
            if (!before.pending()) {
                recordConverged(connection, before, desired, context);
                return outcome(target, canary, TargetOutcome.Status.CONVERGED, 0, started, 0, null);
            }
            // Judged here too, to report the refusal as this target's outcome; the applier would throw it.
            List<SafetyPolicy.Refusal> refusals = rollout.policy().withAllowedOn(source.allowancesByName())
                    .refusals(plan);
            if (!refusals.isEmpty()) {
                return outcome(target, canary, TargetOutcome.Status.REFUSED, 0, started, 0, refusal(refusals));
            }
            SavedPlan saved = new SavedPlan(plan, List.copyOf(target.scope().schemas()), before.current(),
                    before.wanted(), desired.hash(), gitCommit);
            ApplyResult result = applier.context(context).apply(connection, saved);
            if (!result.converged()) {
                return outcome(target, canary, TargetOutcome.Status.NOT_CONVERGED, plan.steps().size(), started,
                        result.historyId(), "a re-plan still has " + Plural.count(result.remaining().size(), "step") + ": "
                        + String.join("; ", result.remaining()));
            }
            return outcome(target, canary, TargetOutcome.Status.APPLIED, plan.steps().size(), started,
                    result.historyId(), null);
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
            return stopReason != null;
        }

        synchronized String stopReason() {
            return stopReason;
        }

        synchronized TargetOutcome finish(TargetOutcome outcome, boolean canary) {
            if (outcome.status().isFailure()) {
                failures++;
                if (stopReason == null) {
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
