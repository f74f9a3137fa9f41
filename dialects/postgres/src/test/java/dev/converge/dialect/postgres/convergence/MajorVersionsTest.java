package dev.converge.dialect.postgres.convergence;

import dev.converge.engine.safety.SafetyPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.dialect.postgres.testing.TestRoles;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MajorVersionsTest runs representative convergence cases against embedded PostgreSQL servers of
 * the oldest and newest supported majors, as targets: the catalog queries, the generated SQL and the
 * canonical forms must hold on every major the shadow can match, not only on the local 15.
 */
class MajorVersionsTest {
    private static final List<String> CASES = List.of("90-shop-v1-to-v2", "49-type-change-under-view",
            "31-fk-cycle-new-tables", "46-enum-values-added", "21-generated-expression-changed", "27-exclusion-constraint",
            "75-function-result-changed-under-view", "80-trigger-function-recreated-with-trigger",
            "84-policy-on-table-in-other-schema", "86-domains-altered", "88-composite-types", "92-materialized-views");

    private final PostgresDialect dialect = new PostgresDialect();
    private final Planner planner = Planner.of(dialect);

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {13, 17})
    void representativeCasesConvergeOnThisMajor(int major) throws Exception {
        try (Shadow server = dialect.shadows().open(ShadowSpec.EMBEDDED, null, new ServerVersion(major, 0, "")) ) {
            assertTrue(server.description().startsWith("embedded PostgreSQL " + major + "."), server.description());
            for (String name : CASES) {
                converge(server, ConvergenceCase.named(name));
            }
        }
    }

    /**
     * The whole convergence suite on the newest major, as the local server runs it on 15: each case's
     * current state is built on an embedded PostgreSQL 17, planned, applied; the result must equal the
     * desired model and a second plan must be empty. (The pg_dump oracle of ConvergenceTest is left out:
     * the embedded binaries have no pg_dump, and the local 15's cannot read a 17 server.)
     */
    @TestFactory
    Stream<DynamicTest> everyCaseConvergesOnPostgres17() {
        Shadow server = dialect.shadows().open(ShadowSpec.EMBEDDED, null, new ServerVersion(17, 0, ""));
        // -Dconverge.cases=REGEX, as for ConvergenceTest: a narrow run while developing
        String only = System.getProperty("converge.cases", ".*");
        return ConvergenceCase.all().stream().filter(c -> c.name().matches(only))
                .map(c -> DynamicTest.dynamicTest(c.name() + " on PostgreSQL 17", () -> {
                    String knownFailure = ConvergenceTest.KNOWN_FAILURES.get(c.name());
                    if (knownFailure == null) {
                        converge(server, c);
                    } else {
                        assertThrows(Throwable.class, () -> converge(server, c),
                                c.name() + " now converges; remove it from KNOWN_FAILURES (" + knownFailure + ")");
                    }
                }))
                .onClose(server::close);
    }

    private void converge(Shadow server, ConvergenceCase c) throws Exception {
        String database = "case_" + c.name().replaceAll("[^a-z0-9]", "_");
        try (Statement st = server.connection().createStatement()) {
            st.execute("CREATE DATABASE \"" + database + "\"");
        }
        DatabaseUrl url = server.url().withDatabase(database);
        TestRoles roles = TestRoles.onOwnServer(server.connection(), c.rolePlaceholders());
        InspectScope scope = new InspectScope(Set.of(), Set.copyOf(roles.names().values()));
        try (Connection target = dialect.connect(url)) {
            try (Statement st = target.createStatement()) {
                st.execute(roles.substitute(c.currentSql()));
            }
            ServerVersion version = dialect.version(target);
            DesiredState desired = new DesiredStateResolver(dialect).resolve(c.desiredDir(roles::substitute).toString(),
                    ShadowSpec.SERVER, url, version, scope);
            Plan plan = planner.plan(dialect.inspector().inspect(target, scope), desired.model(), "target", desired.source());
            new Applier(dialect.history(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(target, plan, desired.hash());
            target.setAutoCommit(true);
            SchemaModel after = dialect.inspector().inspect(target, scope);
            Plan second = planner.plan(after, desired.model(), "target", desired.source());
            assertTrue(second.isEmpty(), c.name() + " on " + version.text() + ": second plan is not empty\n"
                    + new PlanTextRenderer().render(second));
            boolean anyOrder = c.columnOrderMayDiffer();
            assertEquals(ConvergenceRunner.columnsByName(desired.model(), anyOrder),
                    ConvergenceRunner.columnsByName(after, anyOrder), c.name() + " on " + version.text());
        }
    }
}
