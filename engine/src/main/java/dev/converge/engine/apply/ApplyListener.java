package dev.converge.engine.apply;

import dev.converge.engine.plan.PlanStep;
import java.sql.Connection;

/** ApplyListener hears about each step as it starts: for progress output, and for tests that inject faults. */
@FunctionalInterface
public interface ApplyListener {
    ApplyListener NONE = (connection, step) -> { };

    void beforeStep(Connection connection, PlanStep step);
}
