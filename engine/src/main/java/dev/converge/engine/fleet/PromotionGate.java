package dev.converge.engine.fleet;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.plan.phase.Phase;
import dev.converge.engine.project.EnvironmentConfig;
import dev.converge.engine.project.ProjectConfig;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.HistoryEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PromotionGate holds a desired state back from an environment until it has reached the environment
 * that comes before it: every target of the {@code after} environment must have a successful apply
 * (or a recorded "already converged") of the same desired-state hash in its history.
 */
public final class PromotionGate {
    private static final int LOOKBACK = 200;

    private final Dialect dialect;
    private final FleetTargets targets;

    public PromotionGate(Dialect dialect, FleetTargets targets) {
        this.dialect = dialect;
        this.targets = targets;
    }

    /**
     * What the check found: the environment before, and its targets that lack the hash ({@code contracted}:
     * for a contract, which needs the environment before to have contracted or applied it whole).
     */
    public record Verdict(String after, int checked, List<String> missing, boolean contracted) {
        public Verdict(String after, int checked, List<String> missing) {
            this(after, checked, missing, false);
        }

        public boolean passed() {
            return missing.isEmpty();
        }
    }

    /** The verdict for applying {@code desiredHash} to {@code env}; passes when env has no {@code after}. */
    public Verdict check(ProjectConfig project, EnvironmentConfig env, String desiredHash) {
        return check(project, env, desiredHash, Phase.EXPAND);
    }

    /**
     * The verdict for applying {@code desiredHash} to {@code env} in {@code phase} (null: the whole plan).
     * An expand needs the environment before to have had the desired state in any phase; a contract,
     * or a whole apply, which contracts too, needs it to have had more than an expand: prod may not
     * contract before staging has.
     */
    public Verdict check(ProjectConfig project, EnvironmentConfig env, String desiredHash, Phase phase) {
        if (env.after() == null) {
            return new Verdict(null, 0, List.of());
        }
        EnvironmentConfig before = project.environment(env.after());
        List<FleetTarget> beforeTargets = targets.resolve(project, before);
        List<String> missing = new ArrayList<>();
        int parallelism = before.hasTenants() ? before.tenants().parallelism() : 1;
        try (TargetConnections connections = new TargetConnections(dialect, parallelism)) {
            for (FleetTarget target : beforeTargets) {
                if (!applied(connections, target, desiredHash, phase)) {
                    missing.add(target.name());
                }
            }
        }
        return new Verdict(before.name(), beforeTargets.size(), missing, phase == Phase.CONTRACT);
    }

    /* A history row of an expand alone (its remark starts with the phase, as a phased rollout writes it). */
    private static boolean expandOnly(HistoryEntry entry) {
        return entry.note() != null && entry.note().startsWith("phase " + Phase.EXPAND.word());
    }

    /** The refusal (exit 3) for a failed verdict. */
    public static ConvergeException refusal(String env, String desiredHash, Verdict verdict) {
        return new ConvergeException(ErrorKind.REFUSED, "refusing to apply desired state "
                + FleetPlanRenderer.shortHash(desiredHash) + " to " + env + ": it has not been "
                + (verdict.contracted() ? "contracted successfully in " : "applied successfully to ")
                + verdict.after() + " (" + verdict.missing().size() + " of " + verdict.checked() + " targets lack it: "
                + FleetPlanRenderer.names(verdict.missing()) + ").\nNothing was changed. Apply it to " + verdict.after()
                + " first, or re-run with --skip-promotion-check (the override is recorded in history).");
    }

    private boolean applied(TargetConnections connections, FleetTarget target, String desiredHash, Phase phase) {
        try (Connection c = connections.open(target)) {
            return dialect.history().listFor(c, target.environment(), target.name(), LOOKBACK).stream()
                    .anyMatch(e -> e.succeeded() && desiredHash.equals(e.desiredHash())
                            && (phase == Phase.EXPAND || !expandOnly(e)));
        } catch (SQLException | ConvergeException e) {
            // An unreachable target of the environment before has not shown that it has the hash.
            return false;
        }
    }
}
