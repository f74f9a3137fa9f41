package dev.converge.engine.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FleetPlanTest {
    @Test
    void groupLabelsRunPastZ() {
        assertEquals("A", FleetPlan.label(0));
        assertEquals("Z", FleetPlan.label(25));
        assertEquals("AA", FleetPlan.label(26));
        assertEquals("AZ", FleetPlan.label(51));
        assertEquals("BA", FleetPlan.label(52));
    }
}
