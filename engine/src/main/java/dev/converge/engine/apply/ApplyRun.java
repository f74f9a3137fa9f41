package dev.converge.engine.apply;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.spi.Checkpoint;
import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.HistoryStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ApplyRun is one run of an apply (a first run, or a resumed one): it runs the groups not yet done,
 * commits each with its checkpoints, and on failure rolls back, undoes and reports. See {@link Applier}.
 */
final class ApplyRun {
    private final Applier applier;
    private final HistoryStore history;
    private final Connection target;
    private final SavedPlan saved;
    private final long applyId;
    private final Instant start;
    private final List<StepGroup> groups;
    private final List<StepGroup> committed = new ArrayList<>();
    private int statementsRun;
    private PlanStep currentStep;
    private DdlStatement currentStatement;

    ApplyRun(Applier applier, Connection target, SavedPlan saved, long applyId, Instant start,
             Map<Integer, Checkpoint> done) {
        this.applier = applier;
        this.history = applier.history();
        this.target = target;
        this.saved = saved;
        this.applyId = applyId;
        this.start = start;
        this.groups = ApplyGroups.of(saved.plan().steps());
        for (StepGroup group : groups) {
            if (group.steps().stream().allMatch(s -> done.containsKey(s.number())
                    && done.get(s.number()).status().equals(Checkpoint.DONE))) {
                committed.add(group);
            }
        }
    }

    ApplyResult run() {
        for (StepGroup group : groups) {
            if (committed.contains(group)) {
                continue;
            }
            try {
                runGroup(group);
            } catch (SQLException | Interrupted e) {
                throw failure(group, e);
            }
            committed.add(group);
        }
        return finish();
    }

    private void runGroup(StepGroup group) throws SQLException {
        Instant groupStart = applier.clock().instant();
        target.setAutoCommit(!group.transactional());
        for (PlanStep step : group.steps()) {
            currentStep = step;
            stopIfInterrupted();
            applier.listener().beforeStep(target, step);
            if (!group.transactional()) {
                history.checkpoint(target, new Checkpoint(applyId, step.number(), step.id(), group.number(),
                        Checkpoint.STARTED, groupStart, groupStart, sql(step.statements()), null, null));
            }
            for (DdlStatement statement : step.statements()) {
                currentStatement = statement;
                stopIfInterrupted();
                applier.executor().execute(target, statement, applier.interrupt());
                statementsRun++;
            }
            applier.listener().afterStatements(target, step);
        }
        currentStatement = null;
        target.setAutoCommit(false);
        // Resume compares the target with the fingerprint of the last group done, to run the groups
        // after it; after the last group nothing is left to run, and the convergence check inspects
        // the target anyway, so the last checkpoint keeps no fingerprint and costs no inspection.
        // Without transactional DDL every step is a group: no fingerprint at all (resume re-plans).
        boolean keep = group != groups.get(groups.size() - 1) && applier.dialect() != null
                && applier.dialect().transactionalDdl();
        String fingerprint = keep ? applier.fingerprint(target, saved) : null;
        for (PlanStep step : group.steps()) {
            history.checkpoint(target, new Checkpoint(applyId, step.number(), step.id(), group.number(),
                    Checkpoint.DONE, groupStart, applier.clock().instant(), sql(step.statements()), null, fingerprint));
        }
        target.commit();
        target.setAutoCommit(true);
    }

    private void stopIfInterrupted() {
        if (applier.interrupt().requested()) {
            throw new Interrupted();
        }
    }

    private ApplyResult finish() {
        List<String> remaining = List.of();
        String status = HistoryEntry.APPLIED;
        try {
            if (applier.convergenceDeferred()) {
                history.finish(target, applyId, status, "applied; convergence not checked yet", millis());
                return new ApplyResult(applyId, statementsRun, millis(), status, remaining);
            }
            SchemaModel now = applier.inspect(target, saved);
            if (now != null && applier.dialect() != null) {
                // In the target's words, as a plan compares: the target's server may print a definition the
                // apply just made otherwise than the shadow did (another minor release).
                SchemaModel desired = applier.dialect().atTargetFixedPoint(target, now, saved.desired());
                Plan after = Planner.of(applier.dialect()).plan(now, desired, saved.plan().target(),
                        applier.source());
                remaining = after.steps().stream().map(s -> s.symbol() + " " + s.description()).toList();
                status = remaining.isEmpty() ? HistoryEntry.CONVERGED : HistoryEntry.APPLIED;
            }
            history.finish(target, applyId, status, outcome(status, remaining), millis());
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "every step of apply #" + applyId + " is committed, but"
                    + " checking convergence failed: " + e.getMessage(), e);
        }
        return new ApplyResult(applyId, statementsRun, millis(), status, remaining);
    }

    /** The outcome recorded with a finished apply: converged, or what a re-plan still finds. */
    static String outcome(String status, List<String> remaining) {
        return status.equals(HistoryEntry.CONVERGED) ? "converged"
                : remaining.isEmpty() ? "applied" : "applied, not converged: "
                + dev.converge.engine.diag.Plural.count(remaining.size(), "step remains", "steps remain") + ": "
                + String.join("; ", remaining);
    }

    private ConvergeException failure(StepGroup group, Exception cause) {
        rollback();
        boolean interrupted = applier.interrupt().requested();
        boolean lost = !interrupted && connectionLost(cause);
        // The server's text may quote row values (a duplicate key): only its redacted form is shown or kept.
        String error = Redaction.text(cause.getMessage());
        ApplyReport report = new ApplyReport(applyId, saved.plan(), committed, group, currentStep, currentStatement,
                error);
        if (lost) {
            return report.connectionLost(cause);
        }
        try {
            target.setAutoCommit(true);
            if (interrupted) {
                if (!group.transactional() && cause instanceof SQLException) {
                    cleanUpAfter(currentStep);
                }
                recordStep(group, currentStep, Checkpoint.ROLLED_BACK, "interrupted");
                history.finish(target, applyId, HistoryEntry.INTERRUPTED, report.stoppedLine("interrupted"), millis());
                return report.interrupted();
            }
            recordStep(group, currentStep, Checkpoint.FAILED, error);
            if (!group.transactional() && cause instanceof SQLException) {
                cleanUpAfter(currentStep);
            }
            undo(report);
            String status = report.undoneToStart() ? HistoryEntry.ROLLED_BACK : HistoryEntry.FAILED;
            history.finish(target, applyId, status, report.stoppedLine("failed"), millis());
            return report.failed(cause);
        } catch (SQLException e) {
            report.recordingFailed(Redaction.text(e.getMessage()));
            return report.failed(cause);
        }
    }

    /**
     * Undoes the committed groups, newest first, by their steps' inverse statements. A group with an
     * irreversible step ends the undo: the target stays at its checkpoint.
     */
    private void undo(ApplyReport report) {
        for (int i = committed.size() - 1; i >= 0; i--) {
            StepGroup group = committed.get(i);
            PlanStep irreversible = group.steps().stream().filter(s -> !s.isReversible()).findFirst().orElse(null);
            if (irreversible != null) {
                report.stoppedAtIrreversible(group, irreversible);
                return;
            }
            try {
                undoGroup(group);
                report.undone(group);
            } catch (SQLException e) {
                rollback();
                report.undoFailed(group, Redaction.text(e.getMessage()));
                return;
            }
        }
    }

    private void undoGroup(StepGroup group) throws SQLException {
        List<PlanStep> reversed = new ArrayList<>(group.steps());
        java.util.Collections.reverse(reversed);
        boolean transactional = reversed.stream().allMatch(s -> s.inverse().stream().allMatch(DdlStatement::transactional));
        target.setAutoCommit(!transactional);
        Instant undoStart = applier.clock().instant();
        for (PlanStep step : reversed) {
            for (DdlStatement statement : step.inverse()) {
                applier.executor().execute(target, statement, applier.interrupt());
            }
        }
        target.setAutoCommit(false);
        String fingerprint = applier.fingerprint(target, saved);
        for (PlanStep step : reversed) {
            history.checkpoint(target, new Checkpoint(applyId, step.number(), step.id(), group.number(),
                    Checkpoint.UNDONE, undoStart, applier.clock().instant(), sql(step.inverse()), null, fingerprint));
        }
        target.commit();
        target.setAutoCommit(true);
    }

    /**
     * A non-transactional statement that fails can leave something half made (an INVALID index after
     * a failed CREATE INDEX CONCURRENTLY); its inverse removes it. When there was nothing to remove the
     * inverse fails, which is fine. When the step's first statement failed and has a cleanup of its
     * own, nothing else of the step ran and that cleanup (idempotent) is all it takes: the inverse
     * could cost much more (the inverse of an index replacement rebuilds the old index).
     */
    private void cleanUpAfter(PlanStep step) {
        if (step == null) {
            return;
        }
        boolean firstFailed = !step.statements().isEmpty() && step.statements().get(0) == currentStatement;
        List<DdlStatement> undo = firstFailed && currentStatement.cleanup() != null
                ? List.of(DdlStatement.outsideTransaction(currentStatement.cleanup())) : step.inverse();
        for (DdlStatement statement : undo) {
            try {
                applier.executor().execute(target, statement, applier.interrupt());
            } catch (SQLException ignored) {
                // Nothing half made: the step failed before creating anything.
            }
        }
    }

    /** Records the steps of the group that ran before {@code step} as rolled back, and {@code step} itself. */
    private void recordStep(StepGroup group, PlanStep step, String status, String error) throws SQLException {
        if (step == null) {
            return;
        }
        Instant now = applier.clock().instant();
        for (PlanStep earlier : group.steps()) {
            if (earlier.number() < step.number()) {
                history.checkpoint(target, new Checkpoint(applyId, earlier.number(), earlier.id(), group.number(),
                        Checkpoint.ROLLED_BACK, now, now, sql(earlier.statements()), null, null));
            }
        }
        String sql = currentStatement == null ? sql(step.statements()) : currentStatement.sql();
        history.checkpoint(target, new Checkpoint(applyId, step.number(), step.id(), group.number(), status,
                now, now, sql, error, null));
    }

    private boolean connectionLost(Exception cause) {
        if (cause instanceof SQLException) {
            String state = ((SQLException) cause).getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
        }
        try {
            return target.isClosed() || !target.isValid(5);
        } catch (SQLException e) {
            return true;
        }
    }

    private void rollback() {
        try {
            if (!target.getAutoCommit()) {
                target.rollback();
            }
        } catch (SQLException ignored) {
            // A broken connection: the server rolls back the open transaction by itself.
        }
    }

    private long millis() {
        return applier.clock().instant().toEpochMilli() - start.toEpochMilli();
    }

    private static String sql(List<DdlStatement> statements) {
        return String.join(";\n", DdlStatement.texts(statements));
    }

    /** Thrown between statements when a signal asked the apply to stop. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("interrupted by a signal", null, false, false);
        }
    }
}
