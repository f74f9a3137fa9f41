package dev.converge.engine.diff;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.change.Change;
import dev.converge.engine.graph.ChangeGraph;
import dev.converge.engine.graph.StepIds;
import dev.converge.engine.model.SchemaModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A changed index of a kept table is one replace change, ordered without a cycle, also when columns of
 * its table are dropped or retyped (issue 14.8): after the type change, before the drop. Only an index
 * that reads a retyped column in an expression (which may not exist for the new type) is a drop and a
 * create around the column change.
 */
class IndexReplacementDiffTest {
    private static List<String> steps(SchemaModel current, SchemaModel desired) {
        List<Change> changes = new Differ().diff(current, desired).changes();
        return ChangeGraph.order(changes, current).stream().map(StepIds::of).toList();
    }

    /** Table public.t (column a of type {@code typeOfA}, column b integer) with index public.ix on {@code key}. */
    private static SchemaModel indexedOn(String typeOfA, String key) {
        return model().table("public.t", col("a", typeOfA), col("b", "integer")).index("public.ix", "public.t", key).build();
    }

    @Test
    void aNewDefinitionOnAKeptTableIsOneReplaceStep() {
        assertEquals(List.of("replace-index:public.ix"), steps(indexedOn("integer", "a"), indexedOn("integer", "b")));
    }

    @Test
    void aRetypedKeyColumnIsReplacedAfterTheTypeChange() {
        assertEquals(List.of("alter-column:public.t.a", "replace-index:public.ix"),
                steps(indexedOn("integer", "a"), indexedOn("bigint", "b")));
    }

    @Test
    void anotherRetypedColumnKeepsTheReplacement() {
        SchemaModel current = model().table("public.t", col("a", "integer"), col("b", "integer"), col("c", "text"))
                .index("public.ix", "public.t", "a").build();
        SchemaModel desired = model().table("public.t", col("a", "integer"), col("b", "integer"), col("c", "varchar"))
                .index("public.ix", "public.t", "b").build();
        assertEquals(List.of("alter-column:public.t.c", "replace-index:public.ix"), steps(current, desired));
    }

    @Test
    void anExpressionOverARetypedColumnMakesItADropAndACreateAroundTheTypeChange() {
        assertEquals(List.of("drop-index:public.ix", "alter-column:public.t.a", "create-index:public.ix"),
                steps(indexedOn("integer", "(a + 1)"), indexedOn("bigint", "b")));
    }

    @Test
    void aDroppedColumnIsDroppedAfterTheReplacement() {
        SchemaModel current = model().table("public.t", col("b", "integer"), col("a", "integer"))
                .index("public.ix", "public.t", "a").build();
        SchemaModel desired = model().table("public.t", col("b", "integer")).index("public.ix", "public.t", "b").build();
        List<String> steps = steps(current, desired);
        assertEquals(List.of("replace-index:public.ix", "drop-column:public.t.a"), steps);
    }
}
