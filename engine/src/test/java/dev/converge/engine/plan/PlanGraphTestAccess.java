package dev.converge.engine.plan;

import dev.converge.engine.model.SchemaModel;

/** Lets tests of other packages build the small plans of {@link PlanGraphTest}. */
public final class PlanGraphTestAccess {
    private PlanGraphTestAccess() {
    }

    public static Plan plan(SchemaModel current, SchemaModel desired) {
        return PlanGraphTest.plan(current, desired);
    }
}
