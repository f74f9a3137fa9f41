package dev.converge.engine.diff;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.change.AlterIndexStatistics;
import dev.converge.engine.change.Change;
import dev.converge.engine.graph.ChangeGraph;
import dev.converge.engine.graph.StepIds;
import dev.converge.engine.model.IndexStatistics;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.ChangeDescriber;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statistics targets of index columns: changed in place on a kept index, and set after the build on
 * an index the plan builds (new or replaced), which starts with the server's defaults.
 */
class IndexStatisticsDiffTest {
    private static SchemaModel withTargets(SchemaModel model, IndexStatistics... targets) {
        return model.withCore(model.schemas(), model.enums(), model.sequences(), model.tables(),
                model.indexes().stream().map(i -> i.withStatistics(List.of(targets))).toList(), model.foreignKeys(),
                model.views());
    }

    private static SchemaModel table(String key) {
        return model().table("public.t", col("a", "integer"), col("b", "integer")).index("public.ix", "public.t", key)
                .build();
    }

    private static List<Change> changes(SchemaModel current, SchemaModel desired) {
        return ChangeGraph.order(new Differ().diff(current, desired).changes(), current);
    }

    @Test
    void aKeptIndexGetsTheDifferenceInPlace() {
        List<Change> changes = changes(withTargets(table("(a + 1)"), new IndexStatistics(1, 300)),
                withTargets(table("(a + 1)"), new IndexStatistics(1, 1000)));
        assertEquals(List.of("alter-index-statistics:public.ix"), changes.stream().map(StepIds::of).toList());
        AlterIndexStatistics change = (AlterIndexStatistics) changes.get(0);
        assertEquals(List.of(new IndexStatistics(1, 300)), change.from());
        assertEquals("set statistics of index public.ix: column 1 1000 (was 300)", ChangeDescriber.describe(change));
    }

    @Test
    void aTargetThatGoesReturnsToTheDefault() {
        List<Change> changes = changes(withTargets(table("(a + 1)"), new IndexStatistics(1, 300)), table("(a + 1)"));
        assertEquals("set statistics of index public.ix: column 1 default (was 300)",
                ChangeDescriber.describe(changes.get(0)));
    }

    @Test
    void aReplacedIndexGetsItsTargetsAfterItIsBuilt() {
        List<Change> changes = changes(withTargets(table("(a + 1)"), new IndexStatistics(1, 300)),
                withTargets(table("(b + 1)"), new IndexStatistics(1, 300)));
        assertEquals(List.of("replace-index:public.ix", "alter-index-statistics:public.ix"),
                changes.stream().map(StepIds::of).toList());
        assertEquals(List.of(), ((AlterIndexStatistics) changes.get(1)).from(), "a new index has no targets yet");
    }

    @Test
    void equalTargetsPlanNothing() {
        SchemaModel same = withTargets(table("(a + 1)"), new IndexStatistics(1, 300));
        assertEquals(List.of(), changes(same, same));
    }
}
