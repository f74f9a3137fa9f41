package dev.converge.engine.fleet;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.phase.Backfill;
import dev.converge.engine.plan.phase.BackfillTask;
import dev.converge.engine.plan.phase.ColumnSync;
import dev.converge.engine.plan.phase.ContractGate;
import dev.converge.engine.plan.phase.Phase;
import dev.converge.engine.plan.phase.PhasedPlans;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.ExpandContractSql;
import dev.converge.engine.spi.ServerVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * TargetPhase is a fleet rollout's phase, applied to each target as {@code apply --phase} applies it
 * to one (docs/expand-contract.md): expand plans the steps the running release survives and then
 * runs the target's backfills; contract is refused on a target while its expand has work left, or
 * while the contract flag query says the old release is still there.
 *
 * @param flagSql  the flag query to run on each target before its contract (converge.yaml's, or the
 *                 command line's), or null
 * @param backfill the pace of expand's backfills on each target
 * @param progress hears each committed batch of those backfills
 * @param stop     asked before each batch: true stops the backfill there (a signal), its checkpoint kept
 */
record TargetPhase(Phase phase, OnlineStrategies strategies, String flagSql, Backfill.Settings backfill,
                   BackfillProgress progress, BooleanSupplier stop) {
    /**
     * The plan of this phase for a target, to apply: contract asks the flag query first. A refusal is a
     * {@link ConvergeException} of kind REFUSED.
     */
    Plan plan(Dialect dialect, TargetPlan before, Connection connection) throws SQLException {
        return plan(dialect, before, connection, true);
    }

    /**
     * The same target's plan with the phase's plan in place of the whole one, to show (a contract plan
     * needs no flag, as {@code plan --phase contract} needs no confirmation); a target whose phase is
     * refused is shown with the reason.
     */
    TargetPlan shown(Dialect dialect, TargetPlan before, Connection connection) throws SQLException {
        if (before.failed()) {
            return before;
        }
        try {
            Plan plan = plan(dialect, before, connection, false);
            return new TargetPlan(before.target(), plan, before.groupKey() + "|" + phase.word() + "|"
                    + plan.steps().size(), before.drift(), before.lastApply(), before.latest(), before.desiredMoved(),
                    before.driftSteps(), null, before.current(), before.wanted());
        } catch (ConvergeException e) {
            return TargetPlan.failed(before.target(), e.getMessage());
        }
    }

    private Plan plan(Dialect dialect, TargetPlan before, Connection connection, boolean gate) throws SQLException {
        PhasedPlans phased = phasedPlans(dialect, connection);
        if (phase == Phase.EXPAND) {
            return phased.expand(before.plan(), before.current());
        }
        if (gate && flagSql != null && !ContractGate.flagSet(connection, flagSql)) {
            throw new ConvergeException(ErrorKind.REFUSED, "refusing to contract: the contract flag query says the old"
                    + " release is not gone yet on this target. Nothing was changed.");
        }
        return phased.contract(before.plan(), before.current(), connection);
    }

    /** The files' allowances, with what contract may drop without a flag: the old column of a finished parallel change. */
    Map<String, Set<HazardCode>> allowances(Map<String, Set<HazardCode>> annotated, TargetPlan before) {
        return phase == Phase.CONTRACT ? PhasedPlans.withContractAllowances(annotated, ColumnSync.of(before.current()))
                : annotated;
    }

    /**
     * After expand's steps: runs (or resumes) every backfill of the target to its end, or until
     * {@link #stop} says so.
     *
     * @return false when a backfill stopped at a checkpoint before its end
     */
    boolean backfill(Dialect dialect, TargetPlan before, Plan applied, Connection connection) throws SQLException {
        if (phase != Phase.EXPAND) {
            return true;
        }
        String target = before.target().name();
        Backfill run = new Backfill(sql(dialect), backfill,
                (task, batches, rows, finished) -> progress.batch(target, task, batches, rows, finished), stop);
        for (BackfillTask task : PhasedPlans.backfills(applied, before.plan(), before.current())) {
            if (!run.run(connection, task).finished()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the rollout was asked to stop (a signal): no further target starts. */
    boolean stopRequested() {
        return stop.getAsBoolean();
    }

    /** The remark of the target's history row: the phase first, as promotion reads it, then the rollout's note. */
    String remark(String note) {
        return "phase " + phase.word() + (note == null ? "" : "; " + note);
    }

    private PhasedPlans phasedPlans(Dialect dialect, Connection connection) {
        ServerVersion version = dialect.version(connection);
        return new PhasedPlans(dialect.sqlGenerator(version, strategies), dialect.safetyClassifier(version, strategies),
                sql(dialect));
    }

    private static ExpandContractSql sql(Dialect dialect) {
        return dialect.expandContract().orElseThrow(() -> new ConvergeException(ErrorKind.USAGE, "--phase is not"
                + " supported for " + dialect.id() + " yet; apply without it"));
    }
}
