package dev.converge.engine.apply;

import dev.converge.engine.plan.PlanStep;
import java.sql.Connection;

/** ApplyListener hears about each step as it starts: for progress output, and for tests that inject faults. */
@FunctionalInterface
public interface ApplyListener {
    ApplyListener NONE = (connection, step) -> { };

    void beforeStep(Connection connection, PlanStep step);

    /** After the step's statements ran, before its group commits with its checkpoints. */
    default void afterStatements(Connection connection, PlanStep step) {
    }
}
