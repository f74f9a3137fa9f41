package dev.converge.api;

import dev.converge.engine.fleet.Fleet;
import dev.converge.engine.fleet.FleetApplyResult;
import dev.converge.engine.fleet.FleetPlan;
import dev.converge.engine.fleet.FleetPlanMarkdownRenderer;
import dev.converge.engine.fleet.FleetPlanRenderer;
import dev.converge.engine.fleet.FleetProgress;
import dev.converge.engine.fleet.FleetReports;
import dev.converge.engine.fleet.SavedFleetPlan;
import dev.converge.engine.fleet.Shard;
import dev.converge.engine.fleet.TargetPlan;
import dev.converge.engine.project.ProjectConfig;
import dev.converge.engine.project.ProjectConfigReader;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.workflow.GitCommit;
import dev.converge.engine.workflow.PlanPipeline;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.project.EnvironmentConfig;
import dev.converge.engine.report.RecentHistory;
import dev.converge.engine.spi.HistoryEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A converge.yaml project: plan, check drift, and apply every target (database or tenant schema) of
 * one environment, with that environment's policy. Obtained from {@link Converge#project(Path)}.
 */
public final class ConvergeProject {
    /** The project file commands read when none is named: {@value}. */
    public static final String DEFAULT_FILE = ProjectConfig.DEFAULT_FILE;

    private final ProjectConfig config;
    private final boolean allowDestructive;
    private final DialectRegistry dialects;
    private final PlanSettings planning;
    private final List<String> ignore;
    private final Shard shard;

    private ConvergeProject(ProjectConfig config, boolean allowDestructive, DialectRegistry dialects,
                            PlanSettings planning, List<String> ignore, Shard shard) {
        this.config = config;
        this.allowDestructive = allowDestructive;
        this.dialects = dialects;
        this.planning = planning;
        this.ignore = List.copyOf(ignore);
        this.shard = shard;
    }

    static ConvergeProject open(Path configFile) {
        Objects.requireNonNull(configFile, "configFile is null");
        return new ConvergeProject(ProjectConfigReader.read(configFile), false, DialectRegistry.fromServiceLoader(),
                PlanSettings.DEFAULT, List.of(), Shard.ALL);
    }

    /** Allows destructive steps on top of each environment's policy ({@code --allow-destructive}). */
    public ConvergeProject allowingDestructive() {
        return new ConvergeProject(config, true, dialects, planning, ignore, shard);
    }

    /** Plans each target with these settings (default: {@link PlanSettings#DEFAULT}), as one database's plan would be. */
    public ConvergeProject planning(PlanSettings settings) {
        return new ConvergeProject(config, allowDestructive, dialects, Objects.requireNonNull(settings, "settings is null"),
                ignore, shard);
    }

    /** Leaves objects matching these patterns alone on every target ({@code audit_*}, {@code sales.tmp_*}). */
    public ConvergeProject ignoring(List<String> patterns) {
        return new ConvergeProject(config, allowDestructive, dialects, planning, patterns, shard);
    }

    /**
     * Works on shard {@code K/N} of each environment's targets only ({@code --shard K/N}: split by a stable
     * hash of each target's name, so N jobs each take their share; {@link FleetOutcome#mergeShards} joins
     * their reports). A malformed shard is a {@link ConvergeException} of kind USAGE.
     */
    public ConvergeProject shard(String part) {
        return new ConvergeProject(config, allowDestructive, dialects, planning, ignore, Shard.parse(part));
    }

    /**
     * Opens {@code environment} for one rollout (plan, admit, apply, with the desired state normalized
     * once and the targets' connections kept), holding each target to the reviewed fleet plan in
     * {@code savedPlan} ({@code plan --env E --out FILE}) unless it is null. Close it afterwards.
     */
    public Rollout rollout(String environment, Path savedPlan) {
        SavedFleetPlan saved = savedPlan == null ? null : SavedFleetPlan.read(readPlan(savedPlan), savedPlan.toString());
        return new Rollout(fleet(environment), allowDestructive, saved, config.desired().toString());
    }

    private Fleet fleet(String environment) {
        return Fleet.open(config, environment, dialects).planning(planning.pipeline()).ignoring(ignore).shard(shard);
    }

    private static String readPlan(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.USAGE, "cannot read the plan " + file + ": " + e.getMessage(), e);
        }
    }

    /** Plans every target of {@code environment}; the targets are only read. */
    public EnvironmentPlan plan(String environment) {
        try (Fleet fleet = fleet(environment)) {
            return view(fleet, fleet.plan(), allowDestructive);
        }
    }

    /**
     * Tells, per target, drift (changed outside Converge since its last apply) from pending changes.
     * No data pre-checks run: drift only reads the catalogs.
     */
    public EnvironmentPlan drift(String environment) {
        try (Fleet fleet = Fleet.open(config, environment, dialects).planning(PlanPipeline.Settings.NO_DATA_CHECKS)) {
            return view(fleet, fleet.plan(), allowDestructive);
        }
    }

    /**
     * Rolls the desired state out to every target of {@code environment}: canaries first, then the
     * others in parallel, each under the environment's policy; the promotion gate of converge.yaml holds.
     */
    public FleetOutcome apply(String environment) {
        try (Fleet fleet = fleet(environment)) {
            String note = fleet.admit(false, System.getProperty("user.name", "unknown") + " (library)", null);
            FleetApplyResult result = fleet.apply(allowDestructive, note,
                    GitCommit.of(config.desired().toString()), null, FleetProgress.SILENT);
            return FleetOutcome.of(result, FleetReports.applyReport(result, fleet.shard()));
        }
    }

    /**
     * Environment names in promotion order (converge.yaml's {@code after:}): all of them when
     * {@code only} is empty, else those of {@code only}. A name the project lacks is a
     * {@link ConvergeException} of kind USAGE naming the environments it has.
     */
    public List<String> environments(List<String> only) {
        only.forEach(config::environment);
        return config.promotionOrder().stream().map(EnvironmentConfig::name)
                .filter(name -> only.isEmpty() || only.contains(name)).toList();
    }

    /**
     * Reads every target of {@code environment} as {@code converge drift} does: planned without data
     * pre-checks, so only the catalogs and the history are read. Before planning, {@code progress}
     * gets the desired state and how many targets are planned, how many at a time, one line each.
     * An environment that cannot be read is a {@link ConvergeException}.
     */
    public EnvironmentSurvey survey(String environment, Consumer<String> progress) {
        EnvironmentConfig env = config.environment(environment);
        try (Fleet fleet = Fleet.open(config, environment, dialects).planning(PlanPipeline.Settings.NO_DATA_CHECKS)) {
            FleetReports.planningAnnouncement(fleet).forEach(progress);
            return EnvironmentSurvey.read(environment, env.after(), fleet.plan(), Map.of());
        }
    }

    /**
     * Reads each of {@code environments} as {@link #survey} does, in this order, for {@code converge
     * status} and {@code converge report}: an environment that cannot be read is returned with its
     * {@link EnvironmentSurvey#error() error} instead of stopping the others. With {@code withHistory},
     * each target's recent applies are read too (the report's timelines, one query per database), and
     * {@code progress} also gets how long planning and reading the history took.
     */
    public List<EnvironmentSurvey> surveyEach(List<String> environments, boolean withHistory,
                                              Consumer<String> progress) {
        List<EnvironmentSurvey> surveys = new ArrayList<>();
        for (String name : environments) {
            EnvironmentConfig env = config.environment(name);
            try (Fleet fleet = Fleet.open(config, name, dialects).planning(PlanPipeline.Settings.NO_DATA_CHECKS)) {
                long started = System.nanoTime();
                FleetReports.planningAnnouncement(fleet).forEach(progress);
                FleetPlan plan = fleet.plan();
                if (!withHistory) {
                    surveys.add(EnvironmentSurvey.read(name, env.after(), plan, Map.of()));
                    continue;
                }
                long planned = System.nanoTime();
                Map<String, List<HistoryEntry>> history = RecentHistory.of(fleet, EnvironmentSurvey.historyPerTarget());
                progress.accept(String.format(Locale.ROOT, "%s: planned in %.1f s, history read in %.1f s", name,
                        (planned - started) / 1e9, (System.nanoTime() - planned) / 1e9));
                surveys.add(EnvironmentSurvey.read(name, env.after(), plan, history));
            } catch (ConvergeException e) {
                surveys.add(EnvironmentSurvey.unreadable(name, env.after(), Redaction.text(e.getMessage())));
            }
        }
        return List.copyOf(surveys);
    }

    /** The plan of {@code fleet}'s targets; the Markdown marks what the environment's policy refuses. */
    static EnvironmentPlan view(Fleet fleet, FleetPlan plan, boolean allowDestructive) {
        String markdown = new FleetPlanMarkdownRenderer().render(plan, fleet.environment().policy()
                .safety(allowDestructive).withAllowedOn(fleet.desired().source().allowancesByName()));
        return new EnvironmentPlan(fleet.environment().name(), plan.targets().stream().map(ConvergeProject::status).toList(),
                new FleetPlanRenderer().render(plan), markdown, FleetReports.planJson(plan, fleet.shard()));
    }

    private static TargetStatus status(TargetPlan t) {
        return new TargetStatus(t.target().name(), t.state().label(), t.pending(), t.state().drifted(),
                t.plan() == null ? 0 : t.plan().steps().size(), t.error());
    }
}
