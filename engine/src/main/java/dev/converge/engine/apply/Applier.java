package dev.converge.engine.apply;

import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.json.PlanJson;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.HistoryStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;

/**
 * Applier runs a plan against its target in ONE transaction, together with the history record of the
 * apply: PostgreSQL DDL is transactional, so either every step and its record land, or none does.
 * A failed apply is recorded afterwards, in a transaction of its own, and reported with the step and
 * statement that failed.
 *
 * <p>One exception: new enum labels are committed first, in a transaction of their own, because
 * PostgreSQL refuses to use a label in the transaction that added it ("unsafe use of new value"),
 * and a plan often adds a label and uses it (in a default, a partial index, a view). Adding a label
 * needs nothing else, so running those steps first never breaks the plan's order; if the main
 * transaction then fails, the labels stay, which is harmless, and the report says so.
 */
public final class Applier {
    private final HistoryStore history;
    private final Clock clock;

    public Applier(HistoryStore history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    public ApplyResult apply(Connection target, Plan plan, String desiredHash) {
        return apply(target, plan, desiredHash, ApplyContext.NONE);
    }

    /** Applies and records the project context (environment, target, desired snapshot) with the history row. */
    public ApplyResult apply(Connection target, Plan plan, String desiredHash, ApplyContext context) {
        Instant start = clock.instant();
        String user = currentUser(target);
        int run = 0;
        int committedEarly = 0;
        PlanStep failedStep = null;
        String failedSql = null;
        try {
            target.setAutoCommit(false);
            try (Statement statement = target.createStatement()) {
                for (boolean early : new boolean[] {true, false}) {
                    for (PlanStep step : plan.steps()) {
                        if (runsEarly(step) != early) {
                            continue;
                        }
                        failedStep = step;
                        for (String sql : step.sql()) {
                            failedSql = sql;
                            statement.execute(sql);
                            run++;
                        }
                    }
                    if (early) {
                        target.commit();
                        committedEarly = run;
                    }
                }
            }
            failedStep = null;
            failedSql = null;
            history.ensure(target);
            long id = history.record(target, entry(plan, desiredHash, user, start, "applied", context));
            target.commit();
            return new ApplyResult(id, run, millisSince(start));
        } catch (SQLException e) {
            rollback(target);
            String where = failedStep == null ? "while recording the apply"
                    : "at step " + failedStep.number() + " (" + failedStep.id() + ")";
            String outcome = "failed " + where + ": " + e.getMessage();
            recordFailure(target, plan, desiredHash, user, start, outcome, context);
            String kept = committedEarly == 0 ? "nothing was changed."
                    : "nothing else was changed; the " + committedEarly + " new enum label(s) added first stay.";
            throw new ConvergeException(ErrorKind.ERROR, "apply failed " + where + ": " + e.getMessage()
                    + (failedSql == null ? "" : "\n  statement: " + failedSql.replace("\n", "\n             "))
                    + "\nThe transaction was rolled back: " + kept, e);
        }
    }

    private static boolean runsEarly(PlanStep step) {
        return step.change() instanceof AddEnumValue;
    }

    private HistoryEntry entry(Plan plan, String desiredHash, String user, Instant start, String outcome,
                               ApplyContext context) {
        return new HistoryEntry(0, start, user, desiredHash, PlanJson.writeCompact(plan), outcome, millisSince(start),
                context.environment(), context.target(), context.desiredSnapshot(), context.note());
    }

    private void recordFailure(Connection target, Plan plan, String desiredHash, String user, Instant start,
                               String outcome, ApplyContext context) {
        try {
            history.ensure(target);
            history.record(target, entry(plan, desiredHash, user, start, outcome, context));
            target.commit();
        } catch (SQLException e) {
            // The apply error is what the user needs; a history that cannot be written must not hide it.
            rollback(target);
        }
    }

    private long millisSince(Instant start) {
        return clock.instant().toEpochMilli() - start.toEpochMilli();
    }

    private static String currentUser(Connection target) {
        try {
            return target.getMetaData().getUserName();
        } catch (SQLException e) {
            return "unknown";
        }
    }

    private static void rollback(Connection target) {
        try {
            target.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the server rolls back an unfinished transaction by itself.
        }
    }
}
