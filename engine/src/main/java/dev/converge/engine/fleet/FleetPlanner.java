package dev.converge.engine.fleet;

import dev.converge.engine.diag.Phases;
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
    /** Server versions by database: tenant schemas of one database ask once. */
    private final Map<String, ServerVersion> versions = new ConcurrentHashMap<>();

    /** @param templateSchema the schema the desired files declare in schema-per-tenant mode, else null */
    public FleetPlanner(Dialect dialect, String templateSchema) {
        this(dialect, templateSchema, PlanPipeline.Settings.DEFAULT);
    }

    /**
     * @param templateSchema the schema the desired files declare in schema-per-tenant mode, else null
     * @param settings       how each target's plan is made (online strategies, data pre-checks), as for one database
     */
    public FleetPlanner(Dialect dialect, String templateSchema, PlanPipeline.Settings settings) {
        this.dialect = dialect;
        this.planner = Planner.of(dialect);
        this.pipeline = new PlanPipeline(dialect, settings);
        this.templateSchema = templateSchema;
    }

    public FleetPlan plan(String environment, List<FleetTarget> targets, DesiredState desired,
                          TargetConnections connections, int parallelism) {
        Map<FleetTarget, SchemaModel> inspected = bulkInspect(targets, connections);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, targets.size())));
        try {
            List<Future<TargetPlan>> futures = new ArrayList<>();
            for (FleetTarget target : targets) {
                futures.add(pool.submit(() -> planOne(target, desired, connections, inspected.get(target))));
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
     * Tenant schemas per bulk inspection: one inspection of 10,000 tenant schemas holds all their
     * result rows at once and runs for minutes on one connection; 500 at a time bound both, and one
     * catalog scan per 500 tenants keeps the cost linear in the fleet.
     */
    static final int BULK = 500;

    /**
     * Tenant schemas that share a database are inspected together, in one bulk inspection split per
     * schema (see {@link ModelPartition}), {@link #BULK} at a time: a catalog holding 1,000 tenants
     * is read twice, not 1,000 times. Targets missing from the result (a failed bulk inspection, database-per-tenant targets)
     * are inspected one by one.
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
                for (int from = 0; from < sharing.size(); from += BULK) {
                    out.putAll(inspectTogether(connection, sharing.subList(from, Math.min(sharing.size(), from + BULK))));
                }
            } catch (SQLException | RuntimeException e) {
                // Each target is then inspected on its own, and reports its own error.
            }
        }
        return out;
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

    /** The steps a plan from {@code now} to this target's desired schema still has, as "symbol description". */
    public List<String> remaining(FleetTarget target, SchemaModel now, SchemaModel wanted, DesiredState desired) {
        return planner.plan(now, wanted, target.display(), sourceFor(target, desired.source())).steps().stream()
                .map(s -> s.symbol() + " " + s.description()).toList();
    }

    /** Plans one target on a connection of its own; failures become part of the result. */
    TargetPlan planOne(FleetTarget target, DesiredState desired, TargetConnections connections,
                       SchemaModel inspected) {
        try (Connection connection = connections.open(target)) {
            SchemaModel current = inspected != null ? inspected
                    : Phases.time(Phases.INSPECT_TARGET, () -> dialect.inspector().inspect(connection, target.scope()));
            return planFrom(current, connection, target, desired);
        } catch (SQLException | RuntimeException e) {
            return TargetPlan.failed(target, Redaction.text(String.valueOf(e.getMessage())));
        }
    }

    /** Inspects and plans one target on an open connection (apply re-plans this way before it applies). */
    public TargetPlan planOn(Connection connection, FleetTarget target, DesiredState desired) throws SQLException {
        return planFrom(Phases.time(Phases.INSPECT_TARGET, () -> dialect.inspector().inspect(connection, target.scope())), connection, target, desired);
    }

    /**
     * Plans one target from its inspected schema through the same pipeline as a single plan (renames,
     * ignores and locations of the files, mapped onto the tenant's schema; online strategies; live
     * facts and data pre-checks, within their budget for this target); the connection also reads its
     * history.
     */
    private TargetPlan planFrom(SchemaModel current, Connection connection, FleetTarget target, DesiredState desired)
            throws SQLException {
        SchemaModel wanted = desiredFor(target, desired.model());
        SourceModel source = sourceFor(target, desired.source());
        ServerVersion version = versions.computeIfAbsent(target.url().jdbcUrl(), u -> dialect.version(connection));
        Plan plan = pipeline.plan(connection, version, current, wanted, target.display(), source);
        // The latest entry (for its outcome) and the latest successful one (for drift): usually the same row.
        List<HistoryEntry> newest = dialect.history().listFor(connection, target.environment(), target.name(), 1);
        HistoryEntry latest = newest.isEmpty() ? null : newest.get(0);
        HistoryEntry last = latest == null ? null : latest.succeeded() ? latest
                : dialect.history().lastSucceeded(connection, target.environment(), target.name()).orElse(null);
        Drift drift = Drift.UNKNOWN;
        Plan driftSteps = null;
        boolean desiredMoved = !plan.isEmpty();
        if (last != null && last.desiredSnapshot() != null) {
            SchemaModel applied = ModelJson.read(last.desiredSnapshot());
            desiredMoved = !Fingerprints.of(applied).equals(Fingerprints.of(wanted));
            // Objects the project ignores are left to others: their changes are not drift.
            // The objects of an open parallel change (expand ran, contract has not) are Converge's: not drift.
            Plan changed = Fingerprints.of(applied).equals(Fingerprints.of(current)) ? null
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
        Plan keyPlan = plan;
        if (target.schema() != null && templateSchema != null && !plan.isEmpty()) {
            keyPlan = pipeline.offline(versions.get(target.url().jdbcUrl()),
                    new SchemaMapping(target.schema(), templateSchema, dialect.lexer()).apply(current), desired.model(), "template",
                    desired.source());
        }
        StringBuilder text = new StringBuilder();
        for (PlanStep step : keyPlan.steps()) {
            text.append(step.id()).append('\n');
            step.sql().forEach(sql -> text.append(sql).append(";\n"));
        }
        // A step a data pre-check says will fail on this target sets it apart from the targets where it will not.
        plan.steps().stream().filter(s -> s.safety().checks().stream().anyMatch(DataCheck::failed))
                .forEach(s -> text.append("fails: ").append(s.id()).append('\n'));
        return Fingerprints.ofText(text.toString());
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
