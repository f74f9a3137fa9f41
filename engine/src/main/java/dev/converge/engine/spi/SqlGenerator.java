package dev.converge.engine.spi;

import dev.converge.engine.change.Change;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.PlanStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SqlGenerator turns one change into the statements that make it, every identifier quoted, each
 * saying whether it may run inside the apply's transaction.
 */
public interface SqlGenerator {
    List<DdlStatement> statements(Change change);

    /**
     * Why this dialect cannot express the change, or empty when it can. The planner asks before any
     * statement is written and refuses the plan with every reason, so that a change kind a dialect has
     * no statement for is a message at plan time, never an exception at generation. A dialect that
     * refuses some kinds answers with a {@link dev.converge.engine.change.ChangeVisitor} (one method
     * per kind, no defaults), so that a new kind does not compile until it is answered; by default
     * every change can be expressed.
     */
    default Optional<String> refusal(Change change) {
        return Optional.empty();
    }

    /**
     * The statements for a change against the current schema: a generator may choose another way to
     * make a change on an existing, possibly busy table (CONCURRENTLY, NOT VALID then VALIDATE) than
     * on one the plan creates. By default the same as {@link #statements(Change)}.
     */
    default List<DdlStatement> statements(Change change, SchemaModel current) {
        return statements(change);
    }

    /**
     * True when the dialect places new columns where the desired table has them and moves existing ones
     * ({@link dev.converge.engine.change.ColumnChangeKind#POSITION}); false when it appends (PostgreSQL),
     * and a different order is a note of the plan.
     */
    default boolean placesColumns() {
        return false;
    }

    /**
     * Orders this dialect needs on top of the engine's, strongest first (see
     * {@link dev.converge.engine.graph.StepOrder}); by default none.
     */
    default List<OrderRule> orderRules() {
        return List.of();
    }

    /**
     * The plan's steps as the dialect finishes them, after each got its statements and inverse. Some may
     * be made by one statement, where the dialect can (MySQL: several clauses of one ALTER TABLE): each
     * step keeps its description and classification; the first of a combined run holds the statement
     * and the inverse of the whole run, the others hold no statement and no inverse (they are applied,
     * checkpointed and undone with it). A dialect may also take away an inverse that cannot give back
     * what the step lost (MySQL: a dropped partition's rows). By default the steps as they are.
     */
    default List<PlanStep> finishSteps(List<PlanStep> steps, SchemaModel current) {
        return steps;
    }

    /**
     * The statements run under the session settings in force where the desired files declare the
     * object ({@code search_path = app, public}, so that an SQL function body naming {@code track}
     * finds {@code app.track} as it did when the file was loaded), then the settings put back. By
     * default the statements as they are (a dialect without such settings).
     *
     * @param settings setting name to value, as the file set them; never empty
     */
    default List<DdlStatement> underSettings(List<DdlStatement> statements, Map<String, String> settings) {
        return statements;
    }
}
