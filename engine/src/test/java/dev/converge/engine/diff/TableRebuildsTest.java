package dev.converge.engine.diff;

import static dev.converge.engine.Fixtures.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.RebuildTable;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.graph.ChangeGraph;
import dev.converge.engine.graph.StepIds;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the differ does with a table whose partitioning changes, without a server: refused without the
 * allowance; with it one rebuild step with the tables it drops and creates; refused with what to do
 * instead where a partition of the rebuilt table is itself repartitioned, or joins or leaves it.
 */
class TableRebuildsTest {
    private static final QualifiedName EVENTS = QualifiedName.of("public", "events");

    private static Table events(String key) {
        return new Table(EVENTS, List.of(col("id", "integer"), col("at", "date")), List.of(), null, List.of(), key, null);
    }

    private static Table partition(String name, QualifiedName parent, String bound, String key) {
        return new Table(QualifiedName.of("public", name), List.of(), List.of(), null, List.of(), key,
                new Table.PartitionOf(parent, bound));
    }

    private static Table plain(String name) {
        return new Table(QualifiedName.of("public", name), List.of(col("id", "integer"), col("at", "date")), List.of(),
                null);
    }

    private static SchemaModel model(Table... tables) {
        return SchemaModel.EMPTY.withTables(List.of(tables));
    }

    private static List<Change> allowed(SchemaModel current, SchemaModel desired) {
        return ChangeGraph.order(new Differ(ref -> true).diff(current, desired).changes(), current);
    }

    @Test
    void withoutTheAllowanceThePlanIsRefused() {
        ConvergeException refused = assertThrows(ConvergeException.class, () -> new Differ().diff(
                model(events(null)), model(events("RANGE (at)"), partition("events_all", EVENTS, "DEFAULT", null))));
        assertEquals(ErrorKind.REFUSED, refused.kind());
        assertTrue(refused.getMessage().contains("'-- converge:allow TABLE_REWRITE' on the line before CREATE TABLE"
                + " public.events"), refused.getMessage());
    }

    @Test
    void allowedItIsOneStepThatDropsTheOldTablesAndCreatesTheNew() {
        SchemaModel current = model(events("RANGE (at)"), partition("events_old", EVENTS, "DEFAULT", null));
        SchemaModel desired = model(events("HASH (id)"),
                partition("events_h0", EVENTS, "FOR VALUES WITH (MODULUS 2, REMAINDER 0)", null),
                partition("events_h1", EVENTS, "FOR VALUES WITH (MODULUS 2, REMAINDER 1)", null));
        List<Change> changes = allowed(current, desired);
        assertEquals(List.of("rebuild-table:public.events"), changes.stream().map(StepIds::of).toList());
        RebuildTable rebuild = (RebuildTable) changes.get(0);
        assertEquals(List.of("public.events", "public.events_old"),
                rebuild.drops().stream().map(d -> d.table().name().toString()).toList());
        assertEquals(List.of("public.events", "public.events_h0", "public.events_h1"),
                rebuild.creates().stream().map(c -> c.table().name().toString()).toList());
    }

    @Test
    void aPartitionWhoseOwnPartitioningChangesIsRefused() {
        Table parent = events("RANGE (at)");
        SchemaModel current = model(parent, partition("events_2025", EVENTS, "DEFAULT", null));
        SchemaModel desired = model(parent, partition("events_2025", EVENTS, "DEFAULT", "HASH (id)"));
        ConvergeException refused = assertThrows(ConvergeException.class, () -> allowed(current, desired));
        assertTrue(refused.getMessage().contains("detach it in one plan and change it in the next"),
                refused.getMessage());
    }

    @Test
    void aTableThatJoinsOrLeavesTheRebuiltPartitionsIsRefused() {
        List<Table> desired = new ArrayList<>(List.of(events("RANGE (at)"),
                partition("events_kept", EVENTS, "DEFAULT", null)));
        ConvergeException joins = assertThrows(ConvergeException.class, () -> allowed(
                model(events(null), plain("events_kept")), model(desired.toArray(Table[]::new))));
        assertTrue(joins.getMessage().contains("table public.events_kept would join the partitions of public.events"),
                joins.getMessage());
        ConvergeException leaves = assertThrows(ConvergeException.class, () -> allowed(
                model(desired.toArray(Table[]::new)), model(events(null), plain("events_kept"))));
        assertTrue(leaves.getMessage().contains("table public.events_kept would leave the partitions of public.events"),
                leaves.getMessage());
    }
}
