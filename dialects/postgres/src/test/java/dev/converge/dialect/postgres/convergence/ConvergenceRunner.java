package dev.converge.dialect.postgres.convergence;

import dev.converge.engine.safety.SafetyPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.dialect.postgres.testing.TestRoles;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.testing.CacheOffThenOn;
import dev.converge.engine.workflow.DesiredState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * ConvergenceRunner drives one case through the product path: load current.sql into a fresh target
 * A, resolve desired.sql through a shadow, plan, apply, then check convergence twice over: the
 * re-inspected model of A equals the desired model and a second plan, from a normalization cache
 * hit of the same files (the first is planned with the cache off), is empty (the engine's own view), and pg_dump of A equals pg_dump of a database B built from desired.sql alone (an oracle
 * that shares no code with the engine).
 */
final class ConvergenceRunner {
    private final PostgresDialect dialect = new PostgresDialect();
    private final Planner planner = Planner.of(dialect);
    private final PlanTextRenderer renderer = new PlanTextRenderer();
    private final OnlineStrategies strategies;

    /** Plans with the plain generator: every statement in the apply's transaction. */
    ConvergenceRunner() {
        this(null);
    }

    /** Plans the first plan with {@code strategies} for the target's version (null: the plain generator). */
    ConvergenceRunner(OnlineStrategies strategies) {
        this.strategies = strategies;
    }

    /** What a run produced, for tests that look further than the convergence assertions. */
    record Outcome(Plan plan, Plan secondPlan) {
    }

    Outcome run(ConvergenceCase c, ShadowSpec shadow) {
        // Roles are closed last: they can be dropped only once the databases holding their grants are gone.
        try (TestRoles roles = TestRoles.onLocalServer(c.rolePlaceholders())) {
            return run(c, shadow, roles);
        }
    }

    private Outcome run(ConvergenceCase c, ShadowSpec shadow, TestRoles roles) {
        Path desiredDir = c.desiredDir(roles::substitute);
        InspectScope scope = new InspectScope(Set.of(), Set.copyOf(roles.names().values()));
        try (LocalPostgres a = LocalPostgres.create("conv_a")) {
            a.execute(roles.substitute(c.currentSql()));
            DatabaseUrl url = dialect.parseUrl(a.jdbcUrl());
            ServerVersion version;
            try (Connection probe = dialect.connect(url)) {
                version = dialect.version(probe);
            }
            try (Connection target = dialect.connect(url);
                 CacheOffThenOn normalized = new CacheOffThenOn(dialect, desiredDir.toString(), shadow, url, version, scope)) {
                DesiredState desired = normalized.fromShadow();
                SchemaModel before = dialect.inspector().inspect(target, scope);
                Planner first = strategies == null ? planner : Planner.of(dialect, version, strategies);
                Plan plan = first.plan(before, desired.model(), url.display(), desired.source());
                assertEquals(java.util.List.of(), dev.converge.engine.plan.StepAgreement.contradictions(plan),
                        "label, lock line, hazards and statements of a step agree\n" + renderer.render(plan));
                new Applier(dialect.history(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(target, plan, desired.hash());
                target.setAutoCommit(true);

                SchemaModel after = dialect.inspector().inspect(target, scope);
                Plan second = planner.plan(after, normalized.fromCache().model(), url.display(), desired.source());
                String diagnosis = "\n--- first plan ---\n" + renderer.render(plan)
                        + "\n--- second plan ---\n" + renderer.render(second);
                boolean anyOrder = c.columnOrderMayDiffer();
                assertEquals(columnsByName(desired.model(), anyOrder), columnsByName(after, anyOrder),
                        "target after apply differs from desired" + diagnosis);
                assertTrue(second.isEmpty(), "second plan is not empty" + diagnosis);
                assertDumpsEqual(c, roles, a, diagnosis);
                return new Outcome(plan, second);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("case " + c.name() + ": " + e.getMessage(), e);
        } finally {
            deleteTree(desiredDir);
        }
    }

    /** The independent oracle: pg_dump of A against pg_dump of B loaded from desired.sql by psql-like JDBC. */
    private static void assertDumpsEqual(ConvergenceCase c, TestRoles roles, LocalPostgres a, String diagnosis) {
        try (LocalPostgres b = LocalPostgres.create("conv_b")) {
            b.execute(roles.substitute(c.desiredSql()));
            boolean sortColumns = c.columnOrderMayDiffer();
            String actual = PgDump.normalized(a.database(), sortColumns);
            if (!c.secondDeparse()) {
                String expected = PgDump.normalized(b.database(), sortColumns);
                assertEquals(expected, actual, "pg_dump of the target differs from pg_dump of desired.sql" + diagnosis);
                return;
            }
            // A target holds the server's deparse of the deparsed text, as does B's dump loaded again.
            try (LocalPostgres again = LocalPostgres.create("conv_b2")) {
                again.execute(PgDump.loadable(b.database()));
                String expected = PgDump.normalized(again.database(), sortColumns);
                assertEquals(expected, actual, "pg_dump of the target differs from pg_dump of desired.sql loaded twice"
                        + diagnosis);
            }
        }
    }

    /**
     * For column-order cases only: the model with each table's columns sorted by name, since
     * PostgreSQL appends an added column whatever its declared position.
     */
    static SchemaModel columnsByName(SchemaModel model, boolean sort) {
        if (!sort) {
            return model;
        }
        List<Table> tables = model.tables().stream()
                .map(t -> t.withColumns(t.columns().stream().sorted(Comparator.comparing(Column::name)).toList()))
                .toList();
        return model.withTables(tables);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
