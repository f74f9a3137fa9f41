package dev.converge.dialect.postgres.apply;

import dev.converge.engine.safety.SafetyPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.history.PostgresHistoryStore;
import dev.converge.dialect.postgres.testing.PlanFixture;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.apply.ApplyGroups;
import dev.converge.engine.apply.StepGroup;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.spi.PlanAnnotator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A changed primary key or unique constraint is dropped and added again in one transaction even when
 * the plan has online steps (SET NOT NULL through a validated check, a check added NOT VALID) that run
 * on their own: the table is never committed without its key.
 */
class KeyReplacementTest {
    private static final String CURRENT = "CREATE TABLE t (id int PRIMARY KEY, code int);"
            + " CREATE TABLE u (id int CONSTRAINT u_key UNIQUE, code int, n int);"
            + " INSERT INTO t VALUES (1, 10), (2, 20); INSERT INTO u VALUES (1, 1, 1), (2, 2, 2);";
    private static final String DESIRED = "CREATE TABLE t (id int, code int PRIMARY KEY);"
            + " CREATE TABLE u (id int, code int NOT NULL, n int CONSTRAINT u_n_positive CHECK (n > 0),"
            + " CONSTRAINT u_key UNIQUE (id, code));";

    @Test
    void aReplacedKeyIsDroppedAndAddedInTheSameTransaction() throws SQLException {
        try (PlanFixture fixture = new PlanFixture(CURRENT, DESIRED)) {
            PlanAnnotator.Options noProbes = new PlanAnnotator.Options(false, Duration.ZERO, 0);
            Plan plan = fixture.plan(OnlineStrategies.ALL, noProbes);
            assertTrue(plan.steps().stream().anyMatch(s -> !s.isTransactional()), "the plan has online steps");
            List<StepGroup> groups = ApplyGroups.of(plan.steps());
            for (String key : List.of("public.t.t_pkey", "public.u.u_key")) {
                assertEquals(groupOf(groups, "drop-constraint:" + key), groupOf(groups, "add-constraint:" + key),
                        key + " is dropped and added in one group: " + describe(groups));
            }
            try (Connection c = fixture.target.connect()) {
                new Applier(new PostgresHistoryStore(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(c, plan, "h");
            }
            assertTrue(fixture.plan(OnlineStrategies.ALL, noProbes).isEmpty(), "a new plan is empty");
        }
    }

    private static int groupOf(List<StepGroup> groups, String id) {
        return groups.stream().filter(g -> g.steps().stream().anyMatch(s -> s.id().equals(id))).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + id + " in " + describe(groups))).number();
    }

    private static String describe(List<StepGroup> groups) {
        StringBuilder out = new StringBuilder();
        for (StepGroup g : groups) {
            out.append("\n  group ").append(g.number()).append(g.transactional() ? " (tx): " : ": ")
                    .append(g.steps().stream().map(PlanStep::id).toList());
        }
        return out.toString();
    }
}
