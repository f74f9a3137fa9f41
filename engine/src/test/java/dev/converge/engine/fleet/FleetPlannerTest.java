package dev.converge.engine.fleet;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.model;
import static dev.converge.engine.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.View;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.workflow.DesiredState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fleet planner's work that needs no server: the template mapped onto each tenant's schema and the
 * steps a tenant still has (its warning for a failed bulk inspection: BulkInspectionWarningTest). The plans are made by the
 * engine's planner through {@link OfflineDialect}, with no dialect on the classpath.
 */
class FleetPlannerTest {
    private static final DatabaseUrl SHARED = new DatabaseUrl("jdbc:offline://db.example:5432/shop",
            "app", null, "shop", "db.example", 5432, Map.of());

    private final FleetPlanner planner = new FleetPlanner(new OfflineDialect(), "template");

    private static FleetTarget tenant(String schema) {
        return new FleetTarget("prod", schema, SHARED, schema, new InspectScope(Set.of(schema)));
    }

    private static SchemaModel template() {
        return model().schema("template").table("template.orders", col("id", "integer"))
                .viewWith(new View(name("template.recent"), "SELECT id FROM template.orders WHERE id > 10",
                        List.of(), List.of(), null))
                .build();
    }

    @Test
    void theTemplateIsMappedOntoTheTenantsSchemaNamesAndTheQualifiersInItsSql() {
        SchemaModel mapped = planner.desiredFor(tenant("acme"), template());

        assertEquals(List.of(name("acme.orders")), mapped.tables().stream().map(t -> t.name()).toList());
        View recent = mapped.views().get(0);
        assertEquals(name("acme.recent"), recent.name());
        assertEquals("SELECT id FROM acme.orders WHERE id > 10", recent.definition());
    }

    @Test
    void aDatabasePerTenantTargetGetsTheDesiredModelAsItIs() {
        SchemaModel desired = template();
        FleetTarget ownDatabase = new FleetTarget("prod", "acme", SHARED, null, InspectScope.ALL);

        assertSame(desired, planner.desiredFor(ownDatabase, desired));
        assertSame(desired, new FleetPlanner(new OfflineDialect(), null).desiredFor(tenant("acme"), desired));
    }

    @Test
    void theRemainingStepsOfATenantAreInItsOwnSchema() {
        FleetTarget acme = tenant("acme");
        DesiredState desired = new DesiredState(template(), "hash", "schema/");
        SchemaModel now = model().schema("acme").table("acme.orders", col("id", "integer")).build();

        // No connection: this test's dialect keeps the desired model as it is (no target fixed point).
        List<String> remaining = planner.remaining(null, acme, now, planner.desiredFor(acme, desired.model()), desired);

        assertEquals(List.of("+ create view acme.recent"), remaining);
    }
}
