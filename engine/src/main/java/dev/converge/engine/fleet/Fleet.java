package dev.converge.engine.fleet;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.apply.StatementRunner;
import dev.converge.engine.plan.phase.Backfill;
import dev.converge.engine.plan.phase.ContractGate;
import dev.converge.engine.plan.phase.Phase;
import dev.converge.engine.project.ContractGateConfig;
import dev.converge.engine.project.EnvironmentConfig;
import dev.converge.engine.project.Interpolation;
import dev.converge.engine.project.Policy;
import dev.converge.engine.project.ProjectConfig;
import dev.converge.engine.project.TenantsConfig;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.SessionTimeouts;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import dev.converge.engine.workflow.PlanPipeline;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Fleet is one environment of a project, opened for work: its dialect, its targets, a bounded
 * connection pool, and its desired state, normalized once (in one shadow database) for all targets.
 * Closing it closes the pools.
 */
public final class Fleet implements AutoCloseable {
    private final ProjectConfig project;
    private final EnvironmentConfig env;
    private final Dialect dialect;
    private final UnaryOperator<String> environment;
    private final List<FleetTarget> allTargets;
    private List<FleetTarget> targets;
    private Shard shard = Shard.ALL;
    private final TargetConnections connections;
    private DesiredState desired;
    private PlanPipeline.Settings planning = PlanPipeline.Settings.DEFAULT;
    private Consumer<String> warnings = FleetPlanner.STANDARD_ERROR;
    private List<String> ignorePatterns = List.of();
    private Phase phase;
    private boolean contractConfirmed;
    private String contractFlagSql;
    private Backfill.Settings backfill = Backfill.Settings.DEFAULT;
    private BackfillProgress backfillProgress = BackfillProgress.SILENT;
    private BooleanSupplier stop = () -> false;

    private Fleet(ProjectConfig project, EnvironmentConfig env, Dialect dialect, UnaryOperator<String> environment) {
        this.project = project;
        this.env = env;
        this.dialect = dialect;
        this.environment = environment;
        this.allTargets = new FleetTargets(dialect, environment).resolve(project, env);
        this.targets = allTargets;
        this.connections = new TargetConnections(dialect, parallelism());
    }

    public static Fleet open(ProjectConfig project, String environmentName, DialectRegistry dialects) {
        return open(project, environmentName, dialects, System::getenv);
    }

    public static Fleet open(ProjectConfig project, String environmentName, DialectRegistry dialects,
                             UnaryOperator<String> environment) {
        return new Fleet(project, project.environment(environmentName), dialects.byId(project.dialect()), environment);
    }

    public EnvironmentConfig environment() {
        return env;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The targets this fleet works on: the environment's, or this shard's share of them. */
    public List<FleetTarget> targets() {
        return targets;
    }

    /**
     * Works on one shard of the environment's targets only ({@code --shard K/N}, see {@link Shard}).
     * The desired state is still normalized against the environment's first target, so that every
     * shard, an empty one too, reports the same desired-state hash.
     */
    public Fleet shard(Shard part) {
        this.shard = part;
        this.targets = part.select(allTargets);
        return this;
    }

    public Shard shard() {
        return shard;
    }

    /** How many targets the whole environment has (all shards together). */
    public int environmentSize() {
        return allTargets.size();
    }

    /**
     * How each target's plan is made: the online strategies and the limits of the data pre-checks
     * (applied per target, so each tenant has the whole budget), as the command line sets them for one
     * database.
     */
    public Fleet planning(PlanPipeline.Settings settings) {
        this.planning = settings;
        return this;
    }

    /**
     * Rolls out one phase of expand and contract to every target instead of the whole plan; promotion
     * then asks that the environment before has had the same phase (a contract, that it contracted).
     *
     * @param confirmed the command line's {@code --confirm-contract}
     * @param flagSql   the command line's {@code --contract-flag-sql}, used where converge.yaml states no gate
     * @param pace      the pace of expand's backfills on each target
     */
    public Fleet phase(Phase newPhase, boolean confirmed, String flagSql, Backfill.Settings pace) {
        this.phase = newPhase;
        this.contractConfirmed = confirmed;
        this.contractFlagSql = flagSql;
        this.backfill = pace;
        return this;
    }

    /**
     * How a phase's backfills report and stop: {@code progress} hears each committed batch, {@code stop}
     * is asked before each batch and before each target starts (a signal: the rest waits for a new run).
     */
    public Fleet watchingBackfills(BackfillProgress progress, BooleanSupplier stopRequested) {
        this.backfillProgress = progress;
        this.stop = stopRequested;
        return this;
    }

    /** More objects to leave alone ({@code --ignore}), on top of the files' annotations and .convergeignore. */
    public Fleet ignoring(List<String> patterns) {
        this.ignorePatterns = List.copyOf(patterns);
        return this;
    }

    public int parallelism() {
        return env.hasTenants() ? Math.max(1, Math.min(env.tenants().parallelism(), targets.size())) : 1;
    }

    /** The desired state, normalized on first use and then shared by every target. */
    public synchronized DesiredState desired() {
        if (desired == null) {
            FleetTarget first = allTargets.isEmpty() ? null : allTargets.get(0);
            if (first == null) {
                throw new ConvergeException(ErrorKind.USAGE, "environment " + env.name() + " has no targets"
                        + " (the tenant list is empty or the discovery query returned no rows)");
            }
            ServerVersion version;
            try (Connection c = dialect.connect(first.url())) {
                version = dialect.version(c);
            } catch (SQLException e) {
                throw new ConvergeException(ErrorKind.ERROR, "cannot reach " + first.url().display(), e);
            }
            DesiredState resolved = new DesiredStateResolver(dialect).resolve(asGiven(project.desired()),
                    shadowSpec(), first.url(), version, desiredScope());
            desired = new DesiredState(resolved.model(), resolved.hash(), resolved.description(),
                    resolved.source().withIgnorePatterns(project.ignore()).withIgnorePatterns(ignorePatterns));
        }
        return desired;
    }

    public FleetPlanner planner() {
        return new FleetPlanner(dialect, templateSchema(), planning, warnings);
    }

    /** Where the planner's warnings go (standard error unless told otherwise). */
    public Fleet warnings(Consumer<String> sink) {
        this.warnings = sink;
        return this;
    }

    /** Every target's plan; with a phase ({@link #phase}), the plan of that phase. */
    public FleetPlan plan() {
        FleetPlan whole = planner().plan(env.name(), targets, desired(), connections, parallelism());
        if (phase == null) {
            return whole;
        }
        TargetPhase phased = rolloutPhase();
        List<TargetPlan> shown = new java.util.ArrayList<>();
        for (TargetPlan target : whole.targets()) {
            try (Connection c = connections.open(target.target())) {
                shown.add(phased.shown(dialect, target, c));
            } catch (SQLException e) {
                shown.add(TargetPlan.failed(target.target(), "cannot plan its " + phase.word() + ": "
                        + dev.converge.engine.diag.Redaction.text(String.valueOf(e.getMessage()))));
            }
        }
        return new FleetPlan(whole.environment(), whole.desiredHash(), whole.desiredDescription(), shown);
    }

    private TargetPhase rolloutPhase() {
        return phase == null ? null : new TargetPhase(phase, planning.strategies(), env.contractGate() == null
                ? contractFlagSql : env.contractGate().flagSql(), backfill, backfillProgress, stop);
    }

    /**
     * Checks that the desired state may go to this environment: the saved plan (if any) is for it and
     * for this desired state, and the environment before it has had this desired state (promotion).
     * Nothing is changed; a refusal is an exception (exit 3).
     *
     * @param skipPromotionCheck go on even though the environment before lacks this desired state
     * @param who                who asked for the override, for the record
     * @return the note to record with every apply (the override), or null
     */
    public String admit(boolean skipPromotionCheck, String who, SavedFleetPlan saved) {
        DesiredState state = desired();
        if (saved != null && !saved.environment().equals(env.name())) {
            throw new ConvergeException(ErrorKind.REFUSED, "refusing the saved plan: it is for environment "
                    + saved.environment() + ", not " + env.name() + ". Nothing was changed.");
        }
        if (saved != null && !saved.desiredHash().equals(state.hash())) {
            throw new ConvergeException(ErrorKind.REFUSED, "refusing the saved plan: the desired state changed since it"
                    + " was made (" + FleetPlanRenderer.shortHash(saved.desiredHash()) + " then, "
                    + FleetPlanRenderer.shortHash(state.hash()) + " now). Nothing was changed; make a new plan.");
        }
        if (phase == Phase.CONTRACT) {
            admitContract();
        }
        PromotionGate.Verdict verdict = new PromotionGate(dialect, new FleetTargets(dialect, environment))
                .check(project, env, state.hash(), phase);
        if (verdict.passed()) {
            return null;
        }
        if (!skipPromotionCheck) {
            throw PromotionGate.refusal(env.name(), state.hash(), verdict);
        }
        return "promotion check skipped by " + who + ": " + verdict.missing().size() + " of " + verdict.checked()
                + " targets of " + verdict.after() + " lacked this desired state";
    }

    /*
     * The gate's conditions that hold for the whole environment are checked before anything runs; a flag
     * query runs on each target, before its contract (converge.yaml's, else the command line's).
     */
    private void admitContract() {
        ContractGateConfig gate = env.contractGate();
        if (gate == null) {
            if (contractFlagSql == null) {
                ContractGate.check(contractConfirmed, environment.apply(ContractGate.VARIABLE));
            }
            return;
        }
        ContractGate.check(env.name(), gate, contractConfirmed, gate.variable() == null ? null
                : environment.apply(gate.variable()));
    }

    /**
     * Rolls the desired state out to every target; call {@link #admit} first.
     *
     * @param note      what {@link #admit} returned, recorded with every apply
     * @param gitCommit the commit of the desired files, recorded with each apply, or null
     * @param saved     a reviewed fleet plan to hold each target to, or null
     */
    public FleetApplyResult apply(boolean allowDestructive, String note, String gitCommit, SavedFleetPlan saved,
                                  FleetProgress progress) {
        return apply(allowDestructive, note, gitCommit, saved, false, progress);
    }

    /**
     * The same; with {@code resume}, each target whose last apply stopped at a checkpoint continues it
     * (see {@link FleetApplier.Rollout#resume}).
     */
    public FleetApplyResult apply(boolean allowDestructive, String note, String gitCommit, SavedFleetPlan saved,
                                  boolean resume, FleetProgress progress) {
        TenantsConfig tenants = env.tenants();
        FleetApplier.Rollout rollout = new FleetApplier.Rollout(tenants == null ? List.of() : tenants.canary(),
                parallelism(), tenants == null ? TenantsConfig.OnError.STOP : tenants.onError(),
                tenants == null ? 0 : tenants.failureBudget(), env.policy().safety(allowDestructive), note,
                saved, runner(env.policy(), dialect.sessionTimeouts()), resume, rolloutPhase());
        return new FleetApplier(dialect, planner(), Clock.systemUTC(), gitCommit).apply(env.name(), targets, desired(),
                connections, rollout, progress);
    }

    /** Statements run with the environment's lock and statement timeouts (the runner's defaults otherwise). */
    static StatementRunner runner(Policy policy, SessionTimeouts timeouts) {
        StatementRunner.Settings defaults = StatementRunner.Settings.DEFAULT;
        StatementRunner.Settings settings = new StatementRunner.Settings(
                policy.lockTimeout() == null ? defaults.lockTimeout() : policy.lockTimeout(),
                policy.statementTimeout() == null ? defaults.statementTimeout() : policy.statementTimeout(),
                defaults.retryBudget(), defaults.initialBackoff(), defaults.maxBackoff());
        return StatementRunner.of(settings, timeouts, StatementRunner.Listener.NONE);
    }

    /**
     * The desired directory as the files' names show it, in plans ({@code declared at schema/app.sql:4})
     * and in the desired-state hash: relative to the working directory when it is under it, as
     * {@code --desired schema} would give it, so that the same checkout in two places (two CI runners)
     * hashes the same and promotion between them holds; absolute otherwise.
     */
    static String asGiven(Path desiredDir) {
        Path cwd = Path.of("").toAbsolutePath();
        if (!desiredDir.isAbsolute() || !desiredDir.startsWith(cwd)) {
            return desiredDir.toString();
        }
        String relative = cwd.relativize(desiredDir).toString();
        return relative.isEmpty() ? "." : relative;
    }

    private String templateSchema() {
        return env.hasTenants() && env.tenants().mode() == TenantsConfig.Mode.SCHEMA ? env.tenants().templateSchema()
                : null;
    }

    private InspectScope desiredScope() {
        String template = templateSchema();
        return template != null ? new InspectScope(Set.of(template), Set.copyOf(project.managedRoles())) : new InspectScope(Set.copyOf(project.schemas()), Set.copyOf(project.managedRoles()));
    }

    private ShadowSpec shadowSpec() {
        if (project.shadow() == null) {
            return dialect.defaultShadow();
        }
        switch (project.shadow()) {
            case "server":
                return ShadowSpec.SERVER;
            case "dev":
                return new ShadowSpec(ShadowSpec.Mode.DEV,
                        dialect.parseUrl(Interpolation.resolve(project.devUrl(), environment)));
            default:
                return ShadowSpec.EMBEDDED;
        }
    }

    @Override
    public void close() {
        connections.close();
    }
}
