package dev.converge.dialect.mysql.testing;

import dev.converge.dialect.mysql.MysqlDialect;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.testing.CacheOffThenOn;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import java.nio.file.Path;
import java.sql.Connection;
import dev.converge.engine.safety.SafetyPolicy;
import java.time.Clock;
import java.util.List;

/**
 * ConvergeRun does what {@code converge plan} and {@code apply} do against a local database, through
 * the engine's own classes: the desired files normalized in a workspace shadow on the same server, a
 * plan made with the planner of the server's version, applied by the engine's Applier; and what
 * {@code converge inspect} writes (the plan from an empty database to the live one, as SQL).
 */
public final class ConvergeRun {
    private static final MysqlDialect DIALECT = new MysqlDialect();

    private ConvergeRun() {
    }

    public static DesiredState desired(Path dir, LocalMysql target) {
        try (Connection c = target.connect()) {
            return new DesiredStateResolver(DIALECT).resolve(dir.toString(), ShadowSpec.SERVER, target.url(),
                    DIALECT.version(c), InspectScope.ALL);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same files, normalized with the cache off and then from a hit of the cache ({@link CacheOffThenOn}). */
    public static CacheOffThenOn normalizing(Path dir, LocalMysql target) {
        try (Connection c = target.connect()) {
            return new CacheOffThenOn(DIALECT, dir.toString(), ShadowSpec.SERVER, target.url(), DIALECT.version(c),
                    InspectScope.ALL);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Plan plan(LocalMysql target, DesiredState desired) {
        try (Connection c = target.connect()) {
            SchemaModel current = DIALECT.inspector().inspect(c, InspectScope.ALL);
            return Planner.of(DIALECT, DIALECT.version(c), OnlineStrategies.ALL)
                    .plan(current, desired.model(), target.url().display(), desired.source());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plans and applies; returns the plan that was applied. */
    public static Plan apply(LocalMysql target, DesiredState desired) {
        Plan plan = plan(target, desired);
        if (!plan.isEmpty()) {
            try (Connection c = target.connect()) {
                // The evolutions drop tables on purpose: the engine refuses that without an allowance.
                new Applier(DIALECT.history(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive())
                        .apply(c, plan, desired.hash());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return plan;
    }

    /** The live schema as desired-state SQL, as {@code converge inspect} writes it. */
    public static String inspect(LocalMysql source) {
        try (Connection c = source.connect()) {
            SchemaModel live = DIALECT.inspector().inspect(c, InspectScope.ALL);
            Plan plan = Planner.of(DIALECT).plan(SchemaModel.EMPTY, live, source.url().display());
            StringBuilder sql = new StringBuilder();
            for (PlanStep step : plan.steps()) {
                step.sql().forEach(statement -> sql.append(statement).append(";\n\n"));
            }
            return sql.toString();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The steps of a plan, one line each, for failure messages. */
    public static String describe(Plan plan) {
        return String.join("\n", plan.steps().stream().map(s -> s.number() + ". " + s.description()
                + " " + s.sql()).toList()) + "\n" + plan.summary();
    }

    /** The objects the plan lists as unmanaged. */
    public static List<String> unmanaged(Plan plan) {
        return plan.unmanaged().stream().map(Object::toString).toList();
    }
}
