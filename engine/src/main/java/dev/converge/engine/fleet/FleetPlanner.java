package dev.converge.engine.fleet;

import dev.converge.engine.diag.Phases;
import dev.converge.engine.diag.Plural;
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Fingerprints;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.phase.PhasedPlans;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.workflow.PlanPipeline;
import java.util.concurrent.ConcurrentHashMap;
import dev.converge.engine.workflow.DesiredState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * FleetPlanner plans every target of an environment against one desired state, normalized once:
 * targets are inspected in parallel (at most {@code parallelism} at once, over bounded connection
 * pools), each gets its own plan (the template schema mapped onto its schema in schema-per-tenant
 * mode), and each plan gets a key under which identical plans group. Each target's history says
 * whether its live schema drifted since the last apply. One target that cannot be planned does not
 * stop the others: it is reported in the plan.
 */
public final class FleetPlanner {
    private final Dialect dialect;
    private final Planner planner;
    private final PlanPipeline pipeline;
    private final String templateSchema;
    /** Where warnings go (a bulk inspection that failed): standard error in the command line. */
    private final Consumer<String> warnings;
    /** Server versions by database: tenant schemas of one database ask once. */
    private final Map<String, ServerVersion> versions = new ConcurrentHashMap<>();
    /**
     * The template-terms part of the group key by the tenant's schema mapped onto the template (its
     * fingerprint, with the server version and desired state): the 995 tenants of a 1,000 tenant
     * fleet that are alike are planned once in template terms, not once each.
     */
    private final Map<String, String> templateKeys = new ConcurrentHashMap<>();

    /** @param templateSchema the schema the desired files declare in schema-per-tenant mode, else null */
    public FleetPlanner(Dialect dialect, String templateSchema) {
        this(dialect, templateSchema, PlanPipeline.Settings.DEFAULT);
    }

    /**
     * @param templateSchema the schema the desired files declare in schema-per-tenant mode, else null
     * @param settings       how each target's plan is made (online strategies, data pre-checks), as for one database
     */
    public FleetPlanner(Dialect dialect, String templateSchema, PlanPipeline.Settings settings) {
        this(dialect, templateSchema, settings, STANDARD_ERROR);
    }

    /** Warnings that the command line prints as they happen: a plan goes on, slower, after them. */
    public static final Consumer<String> STANDARD_ERROR = text -> System.err.println("converge: warning: " + text);

    /**
     * @param templateSchema the schema the desired files declare in schema-per-tenant mode, else null
     * @param settings       how each target's plan is made (online strategies, data pre-checks), as for one database
     * @param warnings       hears what slows a plan down without failing it (a bulk inspection that failed)
     */
    public FleetPlanner(Dialect dialect, String templateSchema, PlanPipeline.Settings settings,
                        Consumer<String> warnings) {
        this.dialect = dialect;
        this.warnings = warnings;
        this.planner = Planner.of(dialect);
        this.pipeline = new PlanPipeline(dialect, settings);
        this.templateSchema = templateSchema;
    }

    public FleetPlan plan(String environment, List<FleetTarget> targets, DesiredState desired,
                          TargetConnections connections, int parallelism) {
        Map<FleetTarget, SchemaModel> inspected = bulkInspect(targets, connections);
        LatestApplies history = LatestApplies.read(dialect.history(), targets, connections);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, targets.size())));
        try {
            List<Future<TargetPlan>> futures = new ArrayList<>();
            for (FleetTarget target : targets) {
                futures.add(pool.submit(() -> planOne(target, desired, connections, inspected.get(target),
                        history.of(target))));
            }
            List<TargetPlan> plans = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                plans.add(get(futures.get(i), targets.get(i)));
            }
            return new FleetPlan(environment, desired.hash(), desired.description(), plans);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Tenant schemas that share a database are inspected together, in one bulk inspection split per
     * schema (see {@link ModelPartition}): a catalog holding 10,000 tenants is read once, not once per
     * tenant (each scoped inspection scans catalogs that hold every tenant) nor once per batch of
     * tenants (500 at a time cost 20 passes: 180 s where one pass costs about 20). When the bulk
     * inspection fails, the targets of that database are inspected one by one (each then reports its
     * own error, if it has one), and the warning says why: that fallback is correct but quadratic,
     * and must never be silent. Database-per-tenant targets are inspected one by one anyway.
     */
    private Map<FleetTarget, SchemaModel> bulkInspect(List<FleetTarget> targets, TargetConnections connections) {
        Map<String, List<FleetTarget>> byDatabase = new LinkedHashMap<>();
        targets.stream().filter(t -> t.schema() != null)
                .forEach(t -> byDatabase.computeIfAbsent(t.url().jdbcUrl(), u -> new ArrayList<>()).add(t));
        Map<FleetTarget, SchemaModel> out = new HashMap<>();
        for (List<FleetTarget> sharing : byDatabase.values()) {
            if (sharing.size() < 2) {
                continue;
            }
            try (Connection connection = connections.open(sharing.get(0))) {
                out.putAll(inspectTogether(connection, sharing));
            } catch (SQLException | RuntimeException e) {
                warnings.accept(bulkInspectionFailed(sharing, e));
            }
        }
        return out;
    }

    /** The warning for a failed bulk inspection: where, the server's own words (no password, no row value), and the cost. */
    static String bulkInspectionFailed(List<FleetTarget> sharing, Exception cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage().strip().replaceAll("\\s*\\n\\s*", "; ");
        return "the bulk inspection of " + Plural.count(sharing.size(), "tenant schema") + " in "
                + sharing.get(0).url().display() + " failed: " + Redaction.text(why) + ". Inspecting them one at a time"
                + " instead, which reads the whole catalog once per tenant: much slower for a large fleet.";
    }

    /**
     * Tenant schemas of one database, inspected in one bulk inspection on {@code connection} and split
     * per schema (a schema that is not there reads as empty).
     */
    public Map<FleetTarget, SchemaModel> inspectTogether(Connection connection, List<FleetTarget> sharing)
            throws SQLException {
        Set<String> schemas = new HashSet<>();
        sharing.forEach(t -> schemas.addAll(t.scope().schemas()));
        Map<String, SchemaModel> parts = ModelPartition.bySchema(Phases.time(Phases.INSPECT_TARGET,
                () -> dialect.inspector().inspect(connection, new InspectScope(schemas))));
        Map<FleetTarget, SchemaModel> out = new HashMap<>();
        sharing.forEach(t -> out.put(t, parts.getOrDefault(t.schema(), SchemaModel.EMPTY)));
        return out;
    }

    /**
     * The steps a plan from {@code now} to this target's desired schema still has, as "symbol description";
     * compared in the target's words (the target's server, on {@code connection}, may print a definition
     * the apply just made otherwise than the shadow did), as a plan compares.
     */
    public List<String> remaining(Connection connection, FleetTarget target, SchemaModel now, SchemaModel wanted,
                                  DesiredState desired) {
        SchemaModel settled = dialect.atTargetFixedPoint(connection, now, wanted);
        return planner.plan(now, settled, target.display(), sourceFor(target, desired.source())).steps().stream()
                .map(s -> s.symbol() + " " + s.description()).toList();
    }

    /** Plans one target on a connection of its own; failures become part of the result. */
    TargetPlan planOne(FleetTarget target, DesiredState desired, TargetConnections connections,
                       SchemaModel inspected, LatestApplies.Latest history) {
        try (Connection connection = connections.open(target)) {
            SchemaModel current = inspected != null ? inspected
                    : Phases.time(Phases.INSPECT_TARGET, () -> dialect.inspector().inspect(connection, target.scope()));
            return planFrom(current, connection, target, desired, history);
        } catch (SQLException | RuntimeException e) {
            return TargetPlan.failed(target, Redaction.text(String.valueOf(e.getMessage())));
        }
    }

    /** Inspects and plans one target on an open connection (apply re-plans this way before it applies). */
    public TargetPlan planOn(Connection connection, FleetTarget target, DesiredState desired) throws SQLException {
        return planFrom(Phases.time(Phases.INSPECT_TARGET, () -> dialect.inspector().inspect(connection, target.scope())), connection, target, desired, null);
    }

    /**
     * Plans one target from its inspected schema through the same pipeline as a single plan (renames,
     * ignores and locations of the files, mapped onto the tenant's schema; online strategies; live
     * facts and data pre-checks, within their budget for this target); the connection also reads its
     * history, unless the fleet read it in bulk ({@code history} not null).
     */
    private TargetPlan planFrom(SchemaModel current, Connection connection, FleetTarget target, DesiredState desired,
                                LatestApplies.Latest history) throws SQLException {
        SchemaModel wanted = desiredFor(target, desired.model());
        SourceModel source = sourceFor(target, desired.source());
        ServerVersion version = versions.computeIfAbsent(target.url().jdbcUrl(), u -> dialect.version(connection));
        Plan plan = pipeline.plan(connection, version, current, wanted, target.display(), source);
        // The latest entry (for its outcome) and the latest successful one (for drift): usually the same row.
        LatestApplies.Latest applies = history != null ? history : readHistory(connection, target);
        HistoryEntry latest = applies.latest();
        HistoryEntry last = latest == null ? null : applies.lastSucceeded();
        Drift drift = Drift.UNKNOWN;
        Plan driftSteps = null;
        boolean desiredMoved = !plan.isEmpty();
        if (last != null && last.desiredSnapshot() != null) {
            SchemaModel applied = ModelJson.read(last.desiredSnapshot());
            String appliedPrint = Fingerprints.of(applied);
            desiredMoved = !appliedPrint.equals(Fingerprints.of(wanted));
            // Objects the project ignores are left to others: their changes are not drift.
            // The objects of an open parallel change (expand ran, contract has not) are Converge's: not drift.
            Plan changed = appliedPrint.equals(Fingerprints.of(current)) ? null
                    : PhasedPlans.withoutParallelChanges(planner.plan(applied, current, target.display(),
                    ignoresOf(source)), current);
            if (changed == null || changed.isEmpty()) {
                drift = Drift.NONE;
            } else {
                drift = Drift.DRIFTED;
                driftSteps = changed;
            }
        }
        return new TargetPlan(target, plan, groupKey(target, current, desired, plan), drift, last, latest,
                desiredMoved, driftSteps, null, current, wanted);
    }

    private LatestApplies.Latest readHistory(Connection connection, FleetTarget target) throws SQLException {
        List<HistoryEntry> newest = dialect.history().listFor(connection, target.environment(), target.name(), 1);
        HistoryEntry latest = newest.isEmpty() ? null : newest.get(0);
        HistoryEntry last = latest == null ? null : latest.succeeded() ? latest
                : dialect.history().lastSucceeded(connection, target.environment(), target.name()).orElse(null);
        return new LatestApplies.Latest(latest, last);
    }

    /** The desired model for this target: the template mapped onto the tenant's schema in schema mode. */
    public SchemaModel desiredFor(FleetTarget target, SchemaModel desired) {
        if (target.schema() == null || templateSchema == null) {
            return desired;
        }
        return new SchemaMapping(templateSchema, target.schema(), dialect.lexer()).apply(desired);
    }

    /** What the files say beyond their SQL, for this target: mapped onto the tenant's schema in schema mode. */
    public SourceModel sourceFor(FleetTarget target, SourceModel source) {
        if (target.schema() == null || templateSchema == null) {
            return source;
        }
        return new SchemaMapping(templateSchema, target.schema(), dialect.lexer()).apply(source);
    }

    /** Only what a source model says to leave alone: drift is compared without renames or locations. */
    private static SourceModel ignoresOf(SourceModel source) {
        return new SourceModel(List.of(), Map.of(), List.of(), source.ignored(), source.ignorePatterns());
    }

    /**
     * Hash of the plan's step ids and statements. In schema-per-tenant mode the key comes from the
     * plan in template terms (the tenant's live schema mapped onto the template, planned against the
     * desired template), so that tenants needing the same changes group together whatever their
     * schema is called, and no text search for the tenant's name in the SQL is needed.
     */
    private String groupKey(FleetTarget target, SchemaModel current, DesiredState desired, Plan plan) {
        StringBuilder text = new StringBuilder();
        if (target.schema() != null && templateSchema != null && !plan.isEmpty()) {
            ServerVersion version = versions.get(target.url().jdbcUrl());
            SchemaModel asTemplate = new SchemaMapping(target.schema(), templateSchema, dialect.lexer()).apply(current);
            text.append(templateKeys.computeIfAbsent(Fingerprints.of(asTemplate) + ' ' + version + ' ' + desired.hash(),
                    shape -> stepsText(pipeline.offline(version, asTemplate, desired.model(), "template",
                            desired.source()))));
        } else {
            text.append(stepsText(plan));
        }
        // A step a data pre-check says will fail on this target sets it apart from the targets where it will not.
        plan.steps().stream().filter(s -> s.safety().checks().stream().anyMatch(DataCheck::failed))
                .forEach(s -> text.append("fails: ").append(s.id()).append('\n'));
        return Fingerprints.ofText(text.toString());
    }

    private static String stepsText(Plan plan) {
        StringBuilder text = new StringBuilder();
        for (PlanStep step : plan.steps()) {
            text.append(step.id()).append('\n');
            step.sql().forEach(sql -> text.append(sql).append(";\n"));
        }
        return text.toString();
    }

    private static TargetPlan get(Future<TargetPlan> future, FleetTarget target) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return TargetPlan.failed(target, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TargetPlan.failed(target, "interrupted");
        }
    }
}
