package dev.converge.api;

import dev.converge.engine.fleet.Fleet;
import dev.converge.engine.fleet.FleetApplyResult;
import dev.converge.engine.fleet.FleetReports;
import dev.converge.engine.fleet.SavedFleetPlan;
import dev.converge.engine.project.EnvironmentConfig;
import dev.converge.engine.workflow.GitCommit;
import java.util.List;

/**
 * One environment opened for a rollout ({@link ConvergeProject#rollout}): what {@code converge plan
 * --env} and {@code apply --env} do, step by step, so that a caller can show the plan, ask for a
 * confirmation and report progress in between. The desired state is normalized once, on first need,
 * and the targets' connections are kept until {@link #close()}.
 *
 * <pre>{@code
 * try (Rollout rollout = project.rollout("prod", null)) {
 *     String note = rollout.admit(false, "ci");            // the promotion gate of converge.yaml
 *     FleetOutcome outcome = rollout.apply(note, false, TargetProgress.SILENT);
 * }
 * }</pre>
 */
public final class Rollout implements AutoCloseable {
    private final Fleet fleet;
    private final boolean allowDestructive;
    private final SavedFleetPlan saved;
    /** The desired directory, whose git commit each apply records. */
    private final String desiredDirectory;

    Rollout(Fleet fleet, boolean allowDestructive, SavedFleetPlan saved, String desiredDirectory) {
        this.fleet = fleet;
        this.allowDestructive = allowDestructive;
        this.saved = saved;
        this.desiredDirectory = desiredDirectory;
    }

    /** Before planning: the desired state, and how many targets are planned how many at a time, a line each. */
    public List<String> planningAnnouncement() {
        return FleetReports.planningAnnouncement(fleet);
    }

    /** Plans every target (of the shard, if one); the targets are only read. */
    public EnvironmentPlan plan() {
        return ConvergeProject.view(fleet, fleet.plan(), allowDestructive);
    }

    /** The desired state as messages name it (its directory and hash). */
    public String desiredState() {
        return fleet.desired().description();
    }

    /**
     * This rollout limited to one phase of expand and contract (null for the whole plan): each target's
     * phase is planned as it is reached, expand followed by its backfill at the pace of {@code backfill}. Contract passes an
     * environment's gate (converge.yaml), {@code contractConfirmed} or {@code contractFlagSql}, and the
     * promotion gate: an environment contracts only after the one it is promoted from has.
     */
    public Rollout inPhase(Phase phase, boolean contractConfirmed, String contractFlagSql, BackfillSettings backfill) {
        fleet.phase(phase == null ? null : phase.engine(), contractConfirmed, contractFlagSql, backfill.engine());
        return this;
    }

    /**
     * Checks that the desired state may go to this environment: the saved plan (if any) is for it and
     * for this desired state, and the environment before it has had this desired state (the promotion
     * gate). Nothing is changed; a refusal is a {@link dev.converge.engine.diag.ConvergeException} of
     * kind REFUSED.
     *
     * @param skipPromotionCheck go on although the environment before lacks this desired state
     * @param who                who asked, recorded with the override
     * @return the note to record with every apply (the override), or null
     */
    public String admit(boolean skipPromotionCheck, String who) {
        return fleet.admit(skipPromotionCheck, who, saved);
    }

    /**
     * {@code Applying to 12 targets of prod, 4 at a time, canary first: t01 ...}: what {@link #apply}
     * is about to do, shard and canaries included.
     */
    public String announcement() {
        return "Applying to " + Messages.count(fleet.targets().size(), "target") + " of " + fleet.environment().name()
                + FleetReports.shardNote(fleet) + ", " + fleet.parallelism() + " at a time" + canaries() + " ...";
    }

    /**
     * Rolls the desired state out: canaries first, then the others in parallel, each re-planned just
     * before its apply and held to the saved plan (if any), under the environment's policy.
     *
     * @param note     what {@link #admit} returned, recorded with every apply
     * @param resume   each target whose last apply stopped at a checkpoint continues it instead
     * @param progress hears each target's end (and, in a phase's expand, each committed backfill batch)
     */
    public FleetOutcome apply(String note, boolean resume, TargetProgress progress) {
        return apply(note, resume, progress, new StopSignal());
    }

    /**
     * The same, stopped by {@code stop} (Ctrl-C): a phase's backfill stops at its next batch, its
     * checkpoint kept (that target fails, saying so), and no further target starts. Running the phase
     * again resumes every target where it stopped.
     */
    public FleetOutcome apply(String note, boolean resume, TargetProgress progress, StopSignal stop) {
        fleet.watchingBackfills((target, task, batches, rows, finished) -> progress.backfill(target, task.display(),
                batches, rows, finished), stop::requested);
        FleetApplyResult result = fleet.apply(allowDestructive, note, GitCommit.of(desiredDirectory), saved, resume,
                (outcome, done, total) -> progress.finished(TargetResult.of(outcome), done, total));
        return FleetOutcome.of(result, FleetReports.applyReport(result, fleet.shard()));
    }

    private String canaries() {
        EnvironmentConfig env = fleet.environment();
        if (!env.hasTenants() || env.tenants().canary().isEmpty()) {
            return "";
        }
        return ", canary first: " + String.join(", ", env.tenants().canary());
    }

    @Override
    public void close() {
        fleet.close();
    }
}
