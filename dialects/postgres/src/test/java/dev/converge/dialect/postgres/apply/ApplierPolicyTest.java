package dev.converge.dialect.postgres.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.testing.PlanFixture;
import dev.converge.engine.apply.Applier;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.safety.SafetyPolicy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The applier enforces the safety policy itself: a program that calls the engine directly, without
 * the CLI, cannot drop a column without an allowance, and gets the refusal the CLI prints.
 */
class ApplierPolicyTest {
    private static final String CURRENT = "CREATE TABLE t (id int PRIMARY KEY, legacy text);"
            + " INSERT INTO t VALUES (1, 'kept');";
    private static final String DESIRED = "CREATE TABLE t (id int PRIMARY KEY);";

    @Test
    void aDroppedColumnIsRefusedWithoutAnAllowanceAndAppliedWithIt() throws SQLException {
        try (PlanFixture fixture = new PlanFixture(CURRENT, DESIRED)) {
            Plan plan = fixture.plan(OnlineStrategies.ALL);
            try (Connection c = fixture.target.connect()) {
                ConvergeException refused = assertThrows(ConvergeException.class,
                        () -> new Applier(new PostgresDialect(), Clock.systemUTC()).apply(c, plan, "h"));
                assertEquals(ErrorKind.REFUSED, refused.kind());
                assertEquals(SafetyPolicy.describe(SafetyPolicy.DEFAULT.refusals(plan)), refused.getMessage());
                assertTrue(refused.getMessage().contains("DATA_LOSS"), refused.getMessage());
                assertTrue(refused.getMessage().contains("--allow-destructive"), refused.getMessage());
                assertTrue(hasColumn(c, "legacy"), "nothing was changed");
                assertFalse(historyExists(c), "not even the history table was created");

                new Applier(new PostgresDialect(), Clock.systemUTC()).policy(SafetyPolicy.DEFAULT.allowingDestructive())
                        .apply(c, plan, "h");
                assertFalse(hasColumn(c, "legacy"), "the allowed drop ran");
            }
            assertTrue(fixture.plan(OnlineStrategies.ALL).isEmpty(), "a new plan is empty");
        }
    }

    @Test
    void aLockAboveTheMaximumIsRefusedAsTheCliRefusesIt() throws SQLException {
        try (PlanFixture fixture = new PlanFixture(CURRENT, DESIRED)) {
            Plan plan = fixture.plan(OnlineStrategies.ALL);
            SafetyPolicy noStrongLocks = SafetyPolicy.of(java.util.Set.of(), true, LockLevel.SHARE_UPDATE_EXCLUSIVE);
            try (Connection c = fixture.target.connect()) {
                ConvergeException refused = assertThrows(ConvergeException.class,
                        () -> new Applier(new PostgresDialect(), Clock.systemUTC()).policy(noStrongLocks)
                                .apply(c, plan, "h"));
                assertEquals(ErrorKind.REFUSED, refused.kind());
                assertTrue(refused.getMessage().contains("stronger than --max-lock SHARE_UPDATE_EXCLUSIVE"),
                        refused.getMessage());
                assertTrue(hasColumn(c, "legacy"), "nothing was changed");
            }
        }
    }

    private static boolean hasColumn(Connection c, String column) throws SQLException {
        try (ResultSet rs = c.getMetaData().getColumns(null, "public", "t", column)) {
            return rs.next();
        }
    }

    private static boolean historyExists(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'converge%'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
