package dev.converge.dialect.mysql.convergence;

import dev.converge.engine.safety.SafetyPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.mysql.MysqlDialect;
import dev.converge.dialect.mysql.testing.LocalMysql;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.testing.CacheOffThenOn;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * ConvergenceRunner checks the convergence property for one case on the local server: build A from
 * current.sql, plan A towards the desired files (normalized in a shadow), apply; then A's SHOW CREATE
 * output equals that of a fresh database B built from desired.sql alone, and a second plan is empty.
 */
final class ConvergenceRunner {
    private final MysqlDialect dialect = new MysqlDialect();
    private final LocalMysql.Server server;

    /** A runner on the local MariaDB/MySQL server. */
    ConvergenceRunner() {
        this(LocalMysql.Server.LOCAL);
    }

    /** A runner on another server (a MySQL 8 container). */
    ConvergenceRunner(LocalMysql.Server server) {
        this.server = server;
    }

    record Outcome(Plan plan, Plan replan) {
    }

    /** What a test checks on the target after the apply (rows kept by a rename); it may throw. */
    interface TargetCheck {
        void check(Connection target) throws SQLException;
    }

    Outcome run(ConvergenceCase c) {
        return run(c, target -> { });
    }

    Outcome run(ConvergenceCase c, TargetCheck afterApply) {
        try (LocalMysql a = LocalMysql.create(server, "a"); LocalMysql b = LocalMysql.create(server, "b")) {
            a.execute("SET foreign_key_checks = 0;\n" + c.current());
            b.load(c.desired());
            ServerVersion version;
            try (Connection probe = a.connect()) {
                version = dialect.version(probe);
            }
            try (Connection target = a.connect();
                 CacheOffThenOn normalized = new CacheOffThenOn(dialect, c.desiredDir().toString(), ShadowSpec.SERVER,
                         a.url(), version, InspectScope.ALL)) {
                SchemaModel current = dialect.inspector().inspect(target, InspectScope.ALL);
                // The first plan with the cache off (the files loaded into the shadow), the second from a hit.
                DesiredState desired = normalized.fromShadow();
                // The planner of the server's version, as the CLI uses: its ALTER TABLE statements pin
                // the algorithms of that version, which the server refuses when it cannot use them.
                Planner planner = Planner.of(dialect, dialect.version(target), OnlineStrategies.ALL);
                // with the source model: converge: annotations (renames, ignores) take part as in the CLI
                Plan plan = planner.plan(current, desired.model(), a.url().display(), desired.source());
                String shown = new PlanTextRenderer().render(plan);
                assertEquals(java.util.List.of(), dev.converge.engine.plan.StepAgreement.contradictions(plan),
                        "label, lock line, hazards and statements of a step agree\n" + shown);
                if (!plan.isEmpty()) {
                    new Applier(dialect.history(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(target, plan, desired.hash());
                }
                afterApply.check(target);
                Map<String, String> got = ShowCreate.of(target, a.database());
                Map<String, String> want;
                try (Connection fresh = b.connect()) {
                    want = ShowCreate.of(fresh, b.database());
                }
                assertEquals(want, got, "after applying\n" + shown);
                Plan replan = planner.plan(dialect.inspector().inspect(target, InspectScope.ALL), normalized.fromCache().model(),
                        a.url().display(), desired.source());
                assertTrue(replan.isEmpty(), "a second plan is not empty:\n" + new PlanTextRenderer().render(replan)
                        + "\nfirst plan:\n" + shown);
                return new Outcome(plan, replan);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(c.name() + ": " + e.getMessage(), e);
        }
    }
}
