package dev.converge.engine.graph;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.enumCol;
import static dev.converge.engine.Fixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateTable;
import dev.converge.engine.diff.Differ;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.spi.OrderRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one ordering API without a server: the engine's order, a dialect's rules on top, and their check. */
class StepOrderTest {
    private static final OrderRule LABELS_FIRST = new OrderRule("new enum labels", "committed before use",
            c -> c instanceof AddEnumValue);

    private final SchemaModel current = model().enumType("public.mood", "a").table("public.t", col("id", "integer"))
            .build();
    private final SchemaModel desired = model().enumType("public.mood", "a", "b", "c")
            .table("public.t", col("id", "integer"))
            .schema("s").table("s.u", col("id", "integer"), enumCol("m", "public.mood")).build();
    private final List<Change> changes = new Differ().diff(current, desired).changes();

    private static List<String> ids(List<Change> changes) {
        return changes.stream().map(StepIds::of).toList();
    }

    @Test
    void withoutDialectRulesTheOrderIsTheDependencyGraphs() {
        assertEquals(ids(ChangeGraph.order(changes, current)),
                ids(new StepOrder(List.of()).order(List.of(), changes, current)));
    }

    @Test
    void aDialectRuleMovesItsChangesFirstInGraphOrderAfterTheRenames() {
        List<String> ordered = ids(new StepOrder(List.of(LABELS_FIRST)).order(List.of(), changes, current));
        assertEquals(List.of("add-enum-value:public.mood:b", "add-enum-value:public.mood:c"), ordered.subList(0, 2));
        assertEquals(ids(ChangeGraph.order(changes, current)).stream()
                .filter(id -> !id.startsWith("add-enum-value")).toList(), ordered.subList(2, ordered.size()));
        Change rename = changes.get(changes.size() - 1);
        assertEquals(StepIds.of(rename), ids(new StepOrder(List.of(LABELS_FIRST))
                .order(List.of(rename), changes.subList(0, changes.size() - 1), current)).get(0));
    }

    @Test
    void aDialectRuleThatWouldRunAChangeBeforeWhatItNeedsIsABug() {
        OrderRule tablesFirst = new OrderRule("tables", "none", c -> c instanceof CreateTable);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new StepOrder(List.of(tablesFirst)).order(List.of(), changes, current));
        assertEquals("the dialect's order rule 'tables' moves create-table:s.u before create-schema:s, which it needs",
                e.getMessage());
    }
}
