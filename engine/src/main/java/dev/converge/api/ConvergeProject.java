package dev.converge.api;

import dev.converge.engine.fleet.Fleet;
import dev.converge.engine.fleet.FleetApplyResult;
import dev.converge.engine.fleet.FleetPlan;
import dev.converge.engine.fleet.FleetPlanRenderer;
import dev.converge.engine.fleet.FleetProgress;
import dev.converge.engine.fleet.FleetReports;
import dev.converge.engine.fleet.TargetPlan;
import dev.converge.engine.project.ProjectConfig;
import dev.converge.engine.project.ProjectConfigReader;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.workflow.GitCommit;
import dev.converge.engine.workflow.PlanPipeline;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A converge.yaml project: plan, check drift, and apply every target (database or tenant schema) of
 * one environment, with that environment's policy. Obtained from {@link Converge#project(Path)}.
 */
public final class ConvergeProject {
    private final ProjectConfig config;
    private final boolean allowDestructive;
    private final DialectRegistry dialects;

    private ConvergeProject(ProjectConfig config, boolean allowDestructive, DialectRegistry dialects) {
        this.config = config;
        this.allowDestructive = allowDestructive;
        this.dialects = dialects;
    }

    static ConvergeProject open(Path configFile) {
        Objects.requireNonNull(configFile, "configFile is null");
        return new ConvergeProject(ProjectConfigReader.read(configFile), false, DialectRegistry.fromServiceLoader());
    }

    /** Allows destructive steps on top of each environment's policy ({@code --allow-destructive}). */
    public ConvergeProject allowingDestructive() {
        return new ConvergeProject(config, true, dialects);
    }

    /** Plans every target of {@code environment}; the targets are only read. */
    public EnvironmentPlan plan(String environment) {
        try (Fleet fleet = Fleet.open(config, environment, dialects)) {
            return view(environment, fleet.plan());
        }
    }

    /**
     * Tells, per target, drift (changed outside Converge since its last apply) from pending changes.
     * No data pre-checks run: drift only reads the catalogs.
     */
    public EnvironmentPlan drift(String environment) {
        try (Fleet fleet = Fleet.open(config, environment, dialects).planning(PlanPipeline.Settings.NO_DATA_CHECKS)) {
            return view(environment, fleet.plan());
        }
    }

    /**
     * Rolls the desired state out to every target of {@code environment}: canaries first, then the
     * others in parallel, each under the environment's policy; the promotion gate of converge.yaml holds.
     */
    public FleetOutcome apply(String environment) {
        try (Fleet fleet = Fleet.open(config, environment, dialects)) {
            String note = fleet.admit(false, System.getProperty("user.name", "unknown") + " (library)", null);
            FleetApplyResult result = fleet.apply(allowDestructive, note,
                    GitCommit.of(config.desired().toString()), null, FleetProgress.SILENT);
            return new FleetOutcome(environment, result.outcomes().stream().map(o -> new TargetResult(o.name(),
                    o.status().label(), o.status().isFailure(), o.steps(), o.message())).toList(),
                    result.allConverged(), FleetReports.summary(result));
        }
    }

    private static EnvironmentPlan view(String environment, FleetPlan plan) {
        return new EnvironmentPlan(environment, plan.targets().stream().map(ConvergeProject::status).toList(),
                new FleetPlanRenderer().render(plan), FleetReports.planJson(plan));
    }

    private static TargetStatus status(TargetPlan t) {
        return new TargetStatus(t.target().name(), t.state().label(), t.pending(), t.state().drifted(),
                t.plan() == null ? 0 : t.plan().steps().size(), t.error());
    }
}
