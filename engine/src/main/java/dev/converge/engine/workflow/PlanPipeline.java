package dev.converge.engine.workflow;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.diag.Phases;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.PlanAnnotator;
import dev.converge.engine.spi.ServerVersion;
import java.sql.Connection;

/**
 * PlanPipeline is the one way a plan for a live target is made, whether for {@code plan}/{@code apply}
 * of one database or for each target of a fleet: the planner of the target's server version with the
 * online strategies (CONCURRENTLY, NOT VALID then VALIDATE, NOT NULL through a CHECK), following what
 * the files say beyond their SQL (renames, ignores, where each object is declared), then the target's
 * live facts (table sizes, bounded data pre-checks). Keeping it in one place is what makes a tenant's
 * plan the plan a single {@code plan} of that tenant would show.
 */
public final class PlanPipeline {
    /**
     * How plans are made.
     *
     * @param strategies the online strategies the generator and the classifier use
     * @param live       how far the live facts (statistics, data pre-checks) may go, per plan
     */
    public record Settings(OnlineStrategies strategies, PlanAnnotator.Options live) {
        /** Every online strategy, pre-checks with the default budget. */
        public static final Settings DEFAULT = new Settings(OnlineStrategies.ALL, PlanAnnotator.Options.DEFAULT);

        /** For reports of state (drift, status): the same plans, without probing every target's data. */
        public static final Settings NO_DATA_CHECKS = new Settings(OnlineStrategies.ALL, new PlanAnnotator.Options(
                false, PlanAnnotator.Options.DEFAULT.budget(), PlanAnnotator.Options.DEFAULT.sampleAbove()));

        public Settings {
            requireNonNull(strategies, "strategies is null");
            requireNonNull(live, "live is null");
        }
    }

    private final Dialect dialect;
    private final Settings settings;

    public PlanPipeline(Dialect dialect, Settings settings) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    public Settings settings() {
        return settings;
    }

    /** The offline part: the plan from {@code current} to {@code desired}, without live facts. */
    public Plan offline(ServerVersion version, SchemaModel current, SchemaModel desired, String display,
                        SourceModel source) {
        return Planner.of(dialect, version, settings.strategies()).plan(current, desired, display, source);
    }

    /**
     * The desired model with the definitions that the target's server reads as the target's own in
     * the target's words ({@link dev.converge.engine.spi.Dialect#atTargetFixedPoint}): what a plan for
     * this target compares with, and what its apply checks convergence against.
     */
    public SchemaModel atTargetFixedPoint(Connection target, SchemaModel current, SchemaModel desired) {
        return dialect.atTargetFixedPoint(target, current, desired);
    }

    /**
     * The plan for a live target, with its facts.
     *
     * @param target  a connection to the target (read only here), for the statistics and probes
     * @param version the target's server version (lock levels and rewrites differ between majors)
     * @param current the target's schema as inspected on {@code target}
     * @param display the target as plans name it, without a password
     */
    public Plan plan(Connection target, ServerVersion version, SchemaModel current, SchemaModel desired,
                     String display, SourceModel source) {
        Plan plan = offline(version, current, atTargetFixedPoint(target, current, desired), display, source);
        return Phases.time(Phases.PRE_CHECKS, () -> dialect.annotator().annotate(plan, target, current, settings.live()));
    }
}
