package dev.converge.engine.graph;

import static dev.converge.engine.Fixtures.model;
import static dev.converge.engine.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.ReleaseColumn;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diff.Differ;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.CompositeType;
import dev.converge.engine.model.ConstraintKind;
import dev.converge.engine.model.Domain;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.RoutineKind;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A routine, domain or composite type dropped and created again while a column of a kept table uses
 * it: the column lets go of it first and takes it back after, or the plan is refused.
 */
class ColumnReleaseOrderTest {
    private static List<Change> diff(SchemaModel current, SchemaModel desired) {
        return ChangeGraph.order(new Differ().diff(current, desired).changes(), current);
    }

    private static List<String> ids(List<Change> changes) {
        return changes.stream().map(StepIds::of).toList();
    }

    private static SchemaModel schemaWith(Table table, List<Routine> routines, List<Domain> domains, List<CompositeType> types) {
        SchemaModel base = model().tableWith(table).build();
        return new SchemaModel(base.schemas(), base.enums(), base.sequences(), base.tables(), base.indexes(),
                base.foreignKeys(), base.views(), routines, List.of(), List.of(), List.of(), domains, types, List.of(),
                List.of(), List.of());
    }

    private static Routine sql(String name, String signature, String arguments, String result, String body) {
        return new Routine(name(name), signature, RoutineKind.FUNCTION, arguments, result, "CREATE OR REPLACE FUNCTION " + name + "(" + arguments
                + ") RETURNS " + result + " LANGUAGE sql AS '" + body + "'", List.of(), null);
    }

    private static Column column(String name, String type, String defaultExpression, ObjectRef... uses) {
        return new Column(name, type, false, defaultExpression, Identity.NONE, null, null, null, null, List.of(uses));
    }

    @Test
    void aDefaultCallingARecreatedRoutineIsDroppedBeforeAndSetAfter() {
        Routine before = sql("public.next_code", "", "", "integer", "SELECT 1");
        Routine after = sql("public.next_code", "", "", "bigint", "SELECT 2");
        Table items = new Table(name("public.items"), List.of(column("code", "integer", "public.next_code()", before.ref())),
                List.of(), null);
        List<Change> plan = diff(schemaWith(items, List.of(before), List.of(), List.of()),
                schemaWith(items, List.of(after), List.of(), List.of()));
        assertEquals(List.of("release-column:public.items.code", "drop-routine:public.next_code()",
                "create-routine:public.next_code()", "alter-column:public.items.code"), ids(plan));
        ReleaseColumn release = (ReleaseColumn) plan.get(0);
        assertEquals(null, release.to().defaultExpression());
        assertEquals(before.ref(), release.released());
    }

    @Test
    void aCheckCallingARecreatedRoutineIsDroppedBeforeAndAddedAfter() {
        Routine before = sql("public.positive", "integer", "v integer", "boolean", "SELECT v > 0");
        Routine after = sql("public.positive", "integer", "n integer", "boolean", "SELECT n > 0");
        TableConstraint check = new TableConstraint("qty_positive", ConstraintKind.CHECK, "CHECK (public.positive(qty))",
                List.of("qty"), null);
        Table items = new Table(name("public.items"), List.of(column("qty", "integer", null, before.ref())),
                List.of(check), null);
        assertEquals(List.of("drop-constraint:public.items.qty_positive", "drop-routine:public.positive(integer)",
                "create-routine:public.positive(integer)", "add-constraint:public.items.qty_positive"),
                ids(diff(schemaWith(items, List.of(before), List.of(), List.of()),
                        schemaWith(items, List.of(after), List.of(), List.of()))));
    }

    @Test
    void aColumnOfARecreatedDomainGoesToItsBaseTypeAndBack() {
        Domain before = new Domain(name("public.code"), "character varying(10)", null, false, null, List.of(), List.of(), null);
        Domain after = new Domain(name("public.code"), "text", null, false, null, List.of(), List.of(), null);
        Table things = new Table(name("public.things"),
                List.of(column("code", "public.code", "'none'::public.code", before.ref())), List.of(), null);
        List<Change> plan = diff(schemaWith(things, List.of(), List.of(before), List.of()),
                schemaWith(things, List.of(), List.of(after), List.of()));
        assertEquals(List.of("release-column:public.things.code", "drop-domain:public.code", "create-domain:public.code",
                "alter-column:public.things.code"), ids(plan));
        ReleaseColumn release = (ReleaseColumn) plan.get(0);
        assertEquals("character varying(10)", release.to().type());
        assertEquals(null, release.to().defaultExpression());
    }

    @Test
    void aRecreatedCompositeTypeUsedByAColumnIsRefusedWithTheReason() {
        CompositeType before = new CompositeType(name("public.pair"),
                List.of(new CompositeType.Attribute("a", "integer", null), new CompositeType.Attribute("b", "integer", null)),
                List.of(), null);
        CompositeType after = new CompositeType(name("public.pair"),
                List.of(new CompositeType.Attribute("b", "integer", null), new CompositeType.Attribute("a", "integer", null)),
                List.of(), null);
        Table t = new Table(name("public.t"), List.of(column("p", "public.pair", null, before.ref())), List.of(), null);
        ConvergeException e = assertThrows(ConvergeException.class, () -> diff(schemaWith(t, List.of(), List.of(), List.of(before)),
                schemaWith(t, List.of(), List.of(), List.of(after))));
        assertTrue(e.getMessage().contains("column public.t.p uses it"), e.getMessage());
    }
}
