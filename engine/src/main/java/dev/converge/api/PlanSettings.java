package dev.converge.api;

import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.spi.PlanAnnotator;
import dev.converge.engine.workflow.PlanPipeline;
import java.time.Duration;
import java.util.Objects;

/**
 * How plans are made: the online strategies a step may take (each on by default, each a CLI
 * {@code --no-...} option when off) and how far the data pre-checks may go.
 *
 * @param concurrentIndexes build and drop indexes of existing tables CONCURRENTLY
 * @param indexReplacement  replace a changed index by building the new one beside the old one first
 * @param notValid          add checks and foreign keys NOT VALID, then VALIDATE them
 * @param notNullCheck      SET NOT NULL through a validated CHECK
 * @param dataChecks        probe the target's data for steps that may fail on it
 * @param dataCheckBudget   the time all data pre-checks of one target may take together
 * @param sampleAbove       probe tables with more estimated rows than this on a sample
 * @param rowValues         fetch an offending row of each failing data check ({@code plan --show-row-values})
 */
public record PlanSettings(boolean concurrentIndexes, boolean indexReplacement, boolean notValid, boolean notNullCheck,
                           boolean dataChecks, Duration dataCheckBudget, long sampleAbove, boolean rowValues) {
    /** Every online strategy, data pre-checks within 10 seconds, sampling above a million rows. */
    public static final PlanSettings DEFAULT = new PlanSettings(true, true, true, true, true,
            PlanAnnotator.Options.DEFAULT.budget(), PlanAnnotator.Options.DEFAULT.sampleAbove(), false);

    public PlanSettings {
        Objects.requireNonNull(dataCheckBudget, "dataCheckBudget is null");
    }

    /** The same settings without data pre-checks: plans read the catalogs only. */
    public PlanSettings withoutDataChecks() {
        return new PlanSettings(concurrentIndexes, indexReplacement, notValid, notNullCheck, false, dataCheckBudget,
                sampleAbove, rowValues);
    }

    /** The same settings with data pre-checks. */
    public PlanSettings withDataChecks() {
        return new PlanSettings(concurrentIndexes, indexReplacement, notValid, notNullCheck, true, dataCheckBudget,
                sampleAbove, rowValues);
    }

    PlanPipeline.Settings pipeline() {
        return new PlanPipeline.Settings(
                new OnlineStrategies(concurrentIndexes, notValid, notNullCheck, indexReplacement),
                new PlanAnnotator.Options(dataChecks, dataCheckBudget, sampleAbove, rowValues));
    }
}
