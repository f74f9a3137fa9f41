package dev.converge.engine.plan.phase;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.ExpandContractSql;
import dev.converge.engine.workflow.Planning;
import dev.converge.engine.workflow.Target;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PhasedPlanning is a single target's planning seen through a phase: the expand plan, the contract
 * plan, or (without a phase) the whole plan with a note on how phases would split it; and what the
 * target holds between the phases (its open syncs).
 *
 * @param whole the planning as made without phases
 * @param phase the phase asked for, or null for none
 * @param plan  the plan of that phase
 * @param open  the target's open parallel changes (expand ran, contract has not)
 */
public record PhasedPlanning(Planning whole, Phase phase, Plan plan, List<ColumnSync> open) {
    public PhasedPlanning {
        requireNonNull(whole, "whole is null");
        requireNonNull(plan, "plan is null");
        open = List.copyOf(open);
    }

    /**
     * Splits a planning. Contract is refused (nothing changes) while expand still has a rename to split
     * or a backfill to finish.
     */
    public static PhasedPlanning of(Target target, Planning whole, Phase phase, OnlineStrategies strategies) {
        Dialect dialect = target.dialect();
        ExpandContractSql sql = dialect.expandContract().orElse(null);
        if (phase != null && sql == null) {
            throw new ConvergeException(ErrorKind.USAGE, "--phase is not supported for " + dialect.id()
                    + " yet; plan without it");
        }
        PhasedPlans phased = new PhasedPlans(dialect.sqlGenerator(target.version(), strategies),
                dialect.safetyClassifier(target.version(), strategies), sql);
        List<ColumnSync> open = ColumnSync.of(whole.current());
        Plan plan;
        if (phase == null) {
            plan = phased.withPhaseNote(whole.plan(), whole.current());
            return new PhasedPlanning(whole, phase, plan, open);
        }
        Plan base = swapped(target, whole, strategies, sql);
        if (phase == Phase.EXPAND) {
            refuseUnconvertible(target, sql, phased.typeChanges(base, whole.current()));
            plan = phased.expand(base, whole.current());
        } else {
            try {
                List<BackfillTask> tasks = new java.util.ArrayList<>(open);
                tasks.addAll(PhasedPlans.nullFills(whole.plan(), whole.current()));
                List<BackfillTask> unfinished = new Backfill(sql, Backfill.Settings.DEFAULT, Backfill.Listener.NONE,
                        () -> false).unfinished(target.connection(), tasks);
                plan = phased.contract(base, whole.current(), unfinished);
            } catch (SQLException e) {
                throw new ConvergeException(ErrorKind.ERROR, "cannot read the backfill checkpoints: " + e.getMessage(), e);
            }
        }
        return new PhasedPlanning(whole, phase, plan, open);
    }

    /*
     * An open type change is planned as swapped: its contract half, then the plan from the target as the
     * swap leaves it (a plain diff would change the old column's type in place).
     */
    private static Plan swapped(Target target, Planning whole, OnlineStrategies strategies, ExpandContractSql sql) {
        Dialect dialect = target.dialect();
        return new TypeSwaps(dialect.safetyClassifier(target.version(), strategies), sql).whole(whole.plan(),
                whole.current(), whole.desired().model(), swapped -> Planner.of(dialect, target.version(), strategies)
                        .plan(swapped, whole.desired().model(), target.url().display(), whole.source()));
    }

    /**
     * The contract plan of the target as it is now, as if its backfills had finished: after an expand (whose
     * backfill runs next), the steps {@code plan --phase contract} will list. Refused as contract is when
     * expand has not run for a change.
     */
    public static Plan contractOnceBackfilled(Target target, Planning whole, OnlineStrategies strategies) {
        Dialect dialect = target.dialect();
        ExpandContractSql sql = dialect.expandContract().orElseThrow();
        PhasedPlans phased = new PhasedPlans(dialect.sqlGenerator(target.version(), strategies),
                dialect.safetyClassifier(target.version(), strategies), sql);
        return phased.contract(swapped(target, whole, strategies, sql), whole.current(), List.of());
    }

    /*
     * Before expand adds anything: a value the new type cannot hold would fail the backfill half way and,
     * through the sync, the application's writes. Only the count is told, never a value.
     */
    private static void refuseUnconvertible(Target target, ExpandContractSql sql, List<TypeChange> changes) {
        List<String> refused = new java.util.ArrayList<>();
        for (TypeChange change : changes) {
            long rows = change.unconvertible(target.connection(), sql);
            if (rows > 0) {
                refused.add(change.display() + ": " + dev.converge.engine.diag.Plural.count(rows, "row"));
            }
        }
        if (!refused.isEmpty()) {
            throw new ConvergeException(ErrorKind.REFUSED, "refusing to expand: values that do not convert to the new"
                    + " type and back unchanged (too long, out of range, not of the type, or rounded) in "
                    + String.join("; ", refused) + ". Correct or delete those rows, or declare a type that holds them."
                    + " Nothing was changed.");
        }
    }

    /** This planning with {@code limits} on every statement, those of the expand halves included. */
    public PhasedPlanning withLimits(dev.converge.engine.plan.StatementLimits limits) {
        return new PhasedPlanning(whole, phase, limits.onEveryStatement(plan), open);
    }

    /**
     * What a backfill serves after this plan: the syncs it creates, those already open, then the NULL
     * fills of the columns contract makes NOT NULL.
     */
    public List<BackfillTask> backfills() {
        return PhasedPlans.backfills(plan, whole.plan(), whole.current());
    }

    /** The plan of this phase with all an apply needs, as {@link Planning#saved()} gives the whole plan. */
    public SavedPlan saved() {
        SavedPlan all = whole.saved();
        return new SavedPlan(plan, all.schemas(), all.current(), all.desired(), all.desiredHash(), all.gitCommit());
    }

    /**
     * The files' allowances per object, and what contract may take without a flag: dropping the old
     * column of a finished parallel change (the new column holds every value).
     */
    public Map<String, Set<HazardCode>> allowances(Map<String, Set<HazardCode>> annotated) {
        return phase == Phase.CONTRACT ? PhasedPlans.withContractAllowances(annotated, open)
                : new java.util.HashMap<>(annotated);
    }

    /** The words status and history use for where a target is: "between expand and contract (2 syncs open)". */
    public static String state(List<? extends ParallelChange> open) {
        return open.isEmpty() ? "no expand open" : "between expand and contract: "
                + dev.converge.engine.diag.Plural.count(open.size(), "parallel change") + " open ("
                + String.join(", ", open.stream().map(ParallelChange::display).toList()) + ")";
    }
}
