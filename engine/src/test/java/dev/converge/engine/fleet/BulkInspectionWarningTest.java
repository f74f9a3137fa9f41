package dev.converge.engine.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A bulk inspection that fails makes the planner inspect each tenant on its own (correct, but one pass
 * over the whole catalog per tenant); that fallback must say why, in the server's words, without the
 * password of the URL or a row value.
 */
class BulkInspectionWarningTest {
    private static final DatabaseUrl URL = new DatabaseUrl("jdbc:postgresql://db.example:5432/fleet", "app",
            "s3cret-pw", "fleet", "db.example", 5432, Map.of());

    @Test
    void namesTheDatabaseTheCauseAndTheCostWithoutThePassword() {
        List<FleetTarget> sharing = List.of(tenant("a"), tenant("b"));
        SQLException cause = new SQLException("ERROR: out of shared memory\n  Hint: You might need to increase"
                + " max_locks_per_transaction.\n  Connection: postgresql://app:s3cret-pw@db.example/fleet");

        String warning = FleetPlanner.bulkInspectionFailed(sharing, cause);

        assertEquals("the bulk inspection of 2 tenant schemas in postgresql://app@db.example:5432/fleet failed:"
                + " ERROR: out of shared memory; Hint: You might need to increase max_locks_per_transaction.;"
                + " Connection: postgresql://app:***@db.example/fleet. Inspecting them one at a time instead,"
                + " which reads the whole catalog once per tenant: much slower for a large fleet.", warning);
        assertFalse(warning.contains("s3cret"), warning);
    }

    @Test
    void aCauseWithoutAMessageIsNamedByItsKind() {
        String warning = FleetPlanner.bulkInspectionFailed(List.of(tenant("a")), new IllegalStateException());
        assertEquals("the bulk inspection of 1 tenant schema in postgresql://app@db.example:5432/fleet failed:"
                + " IllegalStateException. Inspecting them one at a time instead, which reads the whole catalog"
                + " once per tenant: much slower for a large fleet.", warning);
    }

    private static FleetTarget tenant(String name) {
        return new FleetTarget("prod", name, URL, "tenant_" + name, new InspectScope(Set.of("tenant_" + name)));
    }
}
