package dev.converge.engine.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Which tenants a fleet apply takes in batches (one bulk inspection to plan them, one to check them),
 * decided with no server: tenant schemas sharing a database, canaries apart, at most
 * {@link FleetApplier#BATCH} at a time.
 */
class FleetApplierBatchesTest {
    private static DatabaseUrl database(String name) {
        return new DatabaseUrl("jdbc:offline://db.example:5432/" + name, "app", null, name, "db.example", 5432,
                Map.of());
    }

    private static FleetTarget schemaTenant(String database, String tenant) {
        return new FleetTarget("prod", tenant, database(database), "t_" + tenant, new InspectScope(Set.of("t_" + tenant)));
    }

    @Test
    void tenantSchemasOfOneDatabaseGoTogetherAndCanariesAlone() {
        List<FleetTarget> targets = List.of(schemaTenant("shop", "a"), schemaTenant("shop", "b"),
                new FleetTarget("prod", "own", database("own"), null, InspectScope.ALL), schemaTenant("shop", "c"),
                schemaTenant("shop", "canary"));

        assertEquals(List.of(List.of(0, 1, 3)), FleetApplier.batches(targets, Set.of("canary")));
    }

    @Test
    void aDatabaseWithOneTenantSchemaHasNoBatch() {
        List<FleetTarget> targets = List.of(schemaTenant("one", "a"), schemaTenant("two", "b"), schemaTenant("two", "c"));

        assertEquals(List.of(List.of(1, 2)), FleetApplier.batches(targets, Set.of()));
    }

    @Test
    void aLargeDatabaseIsSplitIntoBatchesOfAtMostTheLimit() {
        List<FleetTarget> targets = new ArrayList<>();
        IntStream.range(0, FleetApplier.BATCH + 2).forEach(i -> targets.add(schemaTenant("shop", "c" + i)));

        List<List<Integer>> batches = FleetApplier.batches(targets, Set.of());

        assertEquals(List.of(FleetApplier.BATCH, 2), batches.stream().map(List::size).toList());
        assertEquals(List.of(FleetApplier.BATCH, FleetApplier.BATCH + 1), batches.get(1));
    }
}
