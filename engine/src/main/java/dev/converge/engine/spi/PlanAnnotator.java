package dev.converge.engine.spi;

import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import java.sql.Connection;
import java.time.Duration;

/**
 * PlanAnnotator adds to a plan what only the target can tell: how big the tables its locking steps
 * touch are (from statistics, one bulk query), and whether the data already there lets the
 * data-dependent steps succeed (bounded, read-only probes). The planner itself stays offline.
 */
public interface PlanAnnotator {
    /** An annotator that adds nothing (a dialect without live facts). */
    PlanAnnotator NONE = (plan, target, current, options) -> plan;

    Plan annotate(Plan plan, Connection target, SchemaModel current, Options options);

    /**
     * How far the probes may go.
     *
     * @param checkData   run the data pre-checks at all
     * @param budget      time budget of the probes, all together; a probe that would exceed it is skipped
     * @param sampleAbove tables with more estimated rows than this are probed on a sample of that many rows
     * @param rowValues   also fetch one offending row of a failing check; only for a user who asked to see
     *                    values on a terminal (production rows never reach a plan file, report or history)
     */
    record Options(boolean checkData, Duration budget, long sampleAbove, boolean rowValues) {
        public static final Options DEFAULT = new Options(true, Duration.ofSeconds(10), 1_000_000);

        /** Options that fetch no row values: the default everywhere. */
        public Options(boolean checkData, Duration budget, long sampleAbove) {
            this(checkData, budget, sampleAbove, false);
        }
    }
}
