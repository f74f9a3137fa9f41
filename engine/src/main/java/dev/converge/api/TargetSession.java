package dev.converge.api;

import dev.converge.engine.apply.Applier;
import dev.converge.engine.apply.ApplyContext;
import dev.converge.engine.apply.StatementRunner;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.plan.phase.Backfill;
import dev.converge.engine.plan.phase.BackfillTask;
import dev.converge.engine.plan.phase.ColumnSync;
import dev.converge.engine.plan.phase.ContractGate;
import dev.converge.engine.plan.phase.ParallelChange;
import dev.converge.engine.plan.phase.PhasedPlanning;
import dev.converge.engine.plan.phase.PhasedPlans;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.workflow.KnownSchemas;
import dev.converge.engine.workflow.PlanChecks;
import dev.converge.engine.workflow.Planning;
import dev.converge.engine.workflow.Target;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One target opened for a run ({@link Converge#open()}): the single-target {@code converge plan} and
 * {@code converge apply}, step by step on one connection, so that a caller can print the plan, ask for a
 * confirmation, hear each step and stop at a checkpoint in between. The target's schemas, shadow,
 * ignore patterns, plan settings and policy are those of the {@link Converge} it was opened from.
 *
 * <pre>{@code
 * try (TargetSession session = Converge.target(url).open()) {
 *     ConvergePlan plan = session.plan(Desired.directory(schema), null, StatementSettings.DEFAULT);
 *     ApplyOutcome outcome = session.apply(plan, ApplyOptions.DEFAULT);
 * }
 * }</pre>
 */
public final class TargetSession implements AutoCloseable {
    private final Converge converge;
    private final Target db;

    TargetSession(Converge converge, Target db) {
        this.converge = converge;
        this.db = db;
    }

    /** The target as plans and messages name it, never with a password. */
    public String display() {
        return db.url().display();
    }

    /**
     * Plans the target to {@code desired}, or one {@code phase} of it (null: the whole plan, with a note on how
     * phases would split it), with {@code statements}' timeouts written on every statement. A schema the
     * target and the files both lack is a {@link ConvergeException} of kind USAGE; contract is REFUSED while
     * expand has a change to split or a backfill to finish.
     */
    public ConvergePlan plan(Desired desired, Phase phase, StatementSettings statements) {
        try (Desired.Materialized files = desired.open()) {
            Planning planning = converge.planning(db, files).withLimits(statements.limits());
            KnownSchemas.require(converge.scope(), db, planning.current(), planning.desired().model());
            PhasedPlanning phased = PhasedPlanning.of(db, planning, phase == null ? null : phase.engine(),
                    strategies()).withLimits(statements.limits());
            return new ConvergePlan(phased.saved(), planning.source(),
                    phased.allowances(planning.desired().source().allowancesByName()), converge.policy().safety(),
                    planning, phased.backfills(), PhasedPlans.nullFills(planning.plan(), planning.current()));
        }
    }

    /**
     * Checks that a plan read from a file may run here: made for this dialect and database, and for the
     * schemas this target manages (when it names some). A USAGE or REFUSED {@link ConvergeException}
     * otherwise; the schema fingerprint is checked by the apply itself.
     */
    public ConvergePlan admit(ConvergePlan saved) {
        PlanChecks.refuseOtherTarget(saved.saved(), db);
        Set<String> schemas = converge.scope().schemas();
        if (!schemas.isEmpty() && !schemas.equals(Set.copyOf(saved.schemas()))) {
            throw new ConvergeException(ErrorKind.USAGE, "the plan manages " + (saved.schemas().isEmpty()
                    ? "every schema" : "schemas " + saved.schemas()) + "; drop --schema or make a plan for " + schemas);
        }
        return saved;
    }

    /**
     * Refuses contract unless the old release is gone: {@code confirmed}, {@code variable} (the value of
     * {@link Phase#CONFIRM_VARIABLE}) is {@code yes}, or {@code flagQuery}'s first value on this target is
     * true (a feature flag).
     */
    public void confirmContract(boolean confirmed, String variable, String flagQuery) {
        ContractGate.check(confirmed, variable, ContractGate.flagSet(db.connection(), flagQuery));
    }

    /**
     * Applies exactly {@code plan}'s statements under the policy, or nothing (a REFUSED {@link ConvergeException}
     * naming each step the policy blocks). A stop request ends it at the next checkpoint.
     */
    public ApplyOutcome apply(ConvergePlan plan, ApplyOptions options) {
        Applier applier = applier(options).source(plan.leftAlone())
                .policy(converge.policy().safety().withAllowedOn(plan.annotated()));
        return ApplyOutcome.of(applier.apply(db.connection(), plan.saved()));
    }

    /**
     * Continues the newest apply of the target that stopped at a checkpoint ({@code converge apply --resume}):
     * only if it is {@code given}'s plan, when one is given (then of its schemas; else of the target's).
     */
    public ApplyOutcome resume(ConvergePlan given, ApplyOptions options) {
        Set<String> schemas = given != null ? Set.copyOf(given.schemas())
                : converge.scope().schemas().isEmpty() ? null : converge.scope().schemas();
        return ApplyOutcome.of(applier(options).policy(converge.policy().safety())
                .resume(db.connection(), given == null ? null : given.saved(), schemas));
    }

    /**
     * How many batches each backfill after {@code plan} (an expand) needs, one line each ({@code
     * public.t.b <- a: 12 batches of 1000 rows}), read from the target without changing it.
     */
    public List<String> backfillDryRun(ConvergePlan plan, BackfillSettings settings) {
        try {
            return backfill(settings, BackfillListener.SILENT, new StopSignal()).dryRun(db.connection(), plan.backfills());
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot count the rows to backfill: " + e.getMessage(), e);
        }
    }

    /**
     * Runs (or resumes) the backfill of every open parallel change of the target, and of {@code expanded}'s
     * NULL fills (a fresh expand plan, or null): each batch commits with its checkpoint, so a stop request
     * ends it at the next batch and a new run continues there.
     */
    public BackfillOutcome backfill(ConvergePlan expanded, BackfillSettings settings, BackfillListener listener,
                                    StopSignal stop) {
        SchemaModel live = db.inspect(converge.scope());
        List<ParallelChange> changes = ParallelChange.open(live);
        List<BackfillTask> open = new ArrayList<>(ColumnSync.of(live));
        if (expanded != null) {
            open.addAll(expanded.nullFills());
        }
        Backfill backfill = backfill(settings, listener, stop);
        try {
            for (BackfillTask task : open) {
                if (!backfill.run(db.connection(), task).finished()) {
                    return new BackfillOutcome(false, "");
                }
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "the backfill stopped: " + e.getMessage() + ". Every batch"
                    + " before it is committed; run 'converge apply --phase expand' again to resume.", e);
        }
        return new BackfillOutcome(true, changes.isEmpty() ? "" : PhasedPlanning.state(changes));
    }

    /**
     * After {@code expanded} (a fresh expand plan) was applied: how many steps {@code plan --phase contract}
     * will list once the backfills finish. For a plan read from a file, whose desired files are not read
     * again, or when contract would be refused, the steps a plain plan still has ({@code outcome}'s).
     */
    public int stepsLeftForContract(ConvergePlan expanded, ApplyOutcome outcome) {
        Planning before = expanded.planning();
        if (before == null) {
            return outcome.remaining().size();
        }
        SchemaModel live = db.inspect(converge.scope());
        Plan plain = Planner.of(db.dialect(), db.version(), strategies()).plan(live, before.desired().model(),
                db.url().display(), before.source());
        Planning now = new Planning(before.desired(), plain, live, before.source(), before.scope(),
                before.desiredSource());
        try {
            return PhasedPlanning.contractOnceBackfilled(db, now, strategies()).steps().size();
        } catch (ConvergeException refused) {
            return outcome.remaining().size();
        }
    }

    private Backfill backfill(BackfillSettings settings, BackfillListener listener, StopSignal stop) {
        return new Backfill(db.dialect().expandContract().orElseThrow(), settings.engine(),
                (task, batches, rows, done) -> listener.batch(task.display(), batches, rows, done), stop::requested);
    }

    private Applier applier(ApplyOptions options) {
        StatementSettings statements = options.statements();
        StatementRunner runner = StatementRunner.of(statements.runner(), db.dialect().sessionTimeouts(),
                (statement, attempt, pause, cause) -> options.retries().retrying(statement.sql(), attempt,
                        statement.limits() == null ? statements.lockTimeout() : statement.limits().lockTimeout(), pause));
        Applier applier = new Applier(db.dialect(), Clock.systemUTC()).interrupt(options.stop().interrupt())
                .lockWait(options.lockWait()).executor(runner)
                .listener((connection, step) -> options.steps().started(step.number(), step.symbol(), step.description()));
        if (options.phase() != null) {
            applier.context(new ApplyContext(null, null, null, "phase " + options.phase().word()));
        }
        return applier;
    }

    private OnlineStrategies strategies() {
        return converge.planSettings().pipeline().strategies();
    }

    @Override
    public void close() {
        db.close();
    }
}
