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
 * A changed index of a kept table is one replace change, ordered without a cycle; with a column of its
 * table dropped or retyped it is a drop and a create around the column change.
 */
class IndexReplacementDiffTest {
    private static List<String> steps(SchemaModel current, SchemaModel desired) {
        List<Change> changes = new Differ().diff(current, desired).changes();
        return ChangeGraph.order(changes, current).stream().map(StepIds::of).toList();
    }

    @Test
    void aNewDefinitionOnAKeptTableIsOneReplaceStep() {
        SchemaModel current = model().table("public.t", col("a", "integer"), col("b", "integer")).index("public.ix", "public.t", "a")
                .build();
        SchemaModel desired = model().table("public.t", col("a", "integer"), col("b", "integer")).index("public.ix", "public.t", "b")
                .build();
        assertEquals(List.of("replace-index:public.ix"), steps(current, desired));
    }

    @Test
    void aRetypedColumnMakesItADropAndACreateAroundTheTypeChange() {
        SchemaModel current = model().table("public.t", col("a", "integer"), col("b", "integer")).index("public.ix", "public.t", "a")
                .build();
        SchemaModel desired = model().table("public.t", col("a", "bigint"), col("b", "integer")).index("public.ix", "public.t", "b")
                .build();
        assertEquals(List.of("drop-index:public.ix", "alter-column:public.t.a", "create-index:public.ix"),
                steps(current, desired));
    }

    @Test
    void aDroppedColumnMakesItADropAndACreate() {
        SchemaModel current = model().table("public.t", col("b", "integer"), col("a", "integer"))
                .index("public.ix", "public.t", "a").build();
        SchemaModel desired = model().table("public.t", col("b", "integer")).index("public.ix", "public.t", "b").build();
        List<String> steps = steps(current, desired);
        assertEquals(List.of("drop-index:public.ix", "create-index:public.ix", "drop-column:public.t.a"), steps);
    }
}
