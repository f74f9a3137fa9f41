package dev.converge.dialect.postgres.apply;

import dev.converge.engine.safety.SafetyPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.history.PostgresHistoryStore;
import dev.converge.dialect.postgres.sql.ConcurrentDetach;
import dev.converge.dialect.postgres.testing.PlanFixture;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.change.SetPartitionOf;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.OnlineStrategies;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A partition leaving its parent is detached CONCURRENTLY (on its own, outside the transaction) when
 * the online strategies are on and the parent has no default partition; the plan converges.
 */
class ConcurrentDetachTest {
    private static final String PARENT = "CREATE TABLE logs (id int NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);";
    private static final String CURRENT = PARENT
            + " CREATE TABLE logs_2024 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
            + " CREATE TABLE logs_2025 PARTITION OF logs FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');"
            + " INSERT INTO logs VALUES (1, '2024-03-01'), (2, '2025-03-01');";
    private static final String DESIRED = PARENT
            + " CREATE TABLE logs_2024 (id int NOT NULL, at date NOT NULL);"
            + " CREATE TABLE logs_2025 PARTITION OF logs FOR VALUES FROM ('2025-01-01') TO ('2027-01-01');";

    private static PlanStep step(Plan plan, String id) {
        return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aDetachAndARebindRunConcurrentlyAndConverge() throws SQLException {
        try (PlanFixture fixture = new PlanFixture(CURRENT, DESIRED)) {
            Plan plan = fixture.plan(OnlineStrategies.ALL);
            List<DdlStatement> detach = step(plan, "set-partition-of:public.logs_2024").statements();
            assertEquals(List.of(DdlStatement.outsideTransaction(
                    "ALTER TABLE \"public\".\"logs\" DETACH PARTITION \"public\".\"logs_2024\" CONCURRENTLY",
                    "ALTER TABLE \"public\".\"logs\" DETACH PARTITION \"public\".\"logs_2024\" FINALIZE"),
                    // the concurrent detach leaves the old bound as a check, which the desired table does not have
                    DdlStatement.inTransaction(
                            "ALTER TABLE \"public\".\"logs_2024\" DROP CONSTRAINT IF EXISTS \"logs_2024_at_check\"")), detach);
            List<DdlStatement> rebind = step(plan, "set-partition-of:public.logs_2025").statements();
            assertEquals(3, rebind.size(), rebind.toString());
            assertTrue(!rebind.get(0).transactional() && rebind.get(0).sql().endsWith(" CONCURRENTLY"), rebind.toString());
            assertTrue(rebind.get(2).transactional() && rebind.get(2).sql().contains(" ATTACH PARTITION "), rebind.toString());
            String hazards = step(plan, "set-partition-of:public.logs_2024").hazards().toString();
            assertTrue(hazards.contains("DETACH PARTITION CONCURRENTLY"), hazards);
            try (Connection c = fixture.target.connect()) {
                new Applier(new PostgresHistoryStore(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(c, plan, "h");
            }
            assertTrue(fixture.plan(OnlineStrategies.ALL).isEmpty(), "a new plan is empty");
        }
    }

    @Test
    void aParentWithADefaultPartitionIsDetachedPlainly() throws SQLException {
        try (PlanFixture fixture = new PlanFixture(CURRENT + " CREATE TABLE logs_other PARTITION OF logs DEFAULT;",
                DESIRED + " CREATE TABLE logs_other PARTITION OF logs DEFAULT;")) {
            Plan plan = fixture.plan(OnlineStrategies.ALL);
            List<DdlStatement> detach = step(plan, "set-partition-of:public.logs_2024").statements();
            assertEquals(List.of(DdlStatement.inTransaction(
                    "ALTER TABLE \"public\".\"logs\" DETACH PARTITION \"public\".\"logs_2024\"")), detach);
            try (Connection c = fixture.target.connect()) {
                new Applier(new PostgresHistoryStore(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive()).apply(c, plan, "h");
            }
            assertTrue(fixture.plan(OnlineStrategies.ALL).isEmpty(), "a new plan is empty");
        }
    }

    @Test
    void withoutOnlineStrategiesTheDetachIsPlain() throws SQLException {
        try (PlanFixture fixture = new PlanFixture(CURRENT, DESIRED)) {
            Plan plan = fixture.plan(OnlineStrategies.NONE);
            assertTrue(step(plan, "set-partition-of:public.logs_2024").statements().stream()
                    .allMatch(DdlStatement::transactional), plan.steps().toString());
        }
    }

    /** PostgreSQL 13 has no DETACH ... CONCURRENTLY: the same change is detached plainly there. */
    @Test
    void theConcurrentFormNeedsPostgres14() throws SQLException {
        try (PlanFixture fixture = new PlanFixture(CURRENT, DESIRED)) {
            SchemaModel current = fixture.current();
            SetPartitionOf detach = new SetPartitionOf(QualifiedName.of("public", "logs_2024"),
                    current.tables().stream().filter(t -> t.name().name().equals("logs_2024")).findFirst().orElseThrow()
                            .partitionOf(), null);
            assertFalse(ConcurrentDetach.applies(detach, current, 13, OnlineStrategies.ALL));
            assertTrue(ConcurrentDetach.applies(detach, current, 14, OnlineStrategies.ALL));
        }
    }
}
