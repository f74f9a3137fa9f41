package dev.converge.engine.graph;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.model;
import static dev.converge.engine.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.change.Change;
import dev.converge.engine.diff.Differ;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.RoutineKind;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a procedural body reads orders the routine after it as a hint (never into a cycle), and a
 * routine whose SQL-standard body reads a column is dropped and created again around its type change.
 */
class BodyReadsOrderTest {
    private static List<String> orderedIds(SchemaModel current, SchemaModel desired) {
        List<Change> changes = new Differ().diff(current, desired).changes();
        return ChangeGraph.order(changes, current).stream().map(StepIds::of).toList();
    }

    private static SchemaModel withRoutines(SchemaModel base, Routine... routines) {
        return new SchemaModel(base.schemas(), base.enums(), base.sequences(), base.tables(), base.indexes(),
                base.foreignKeys(), base.views(), List.of(routines), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
    }

    private static Routine plpgsql(String name, String body, ObjectRef... bodyReads) {
        return new Routine(name(name), "", RoutineKind.FUNCTION, "", "bigint",
                "CREATE OR REPLACE FUNCTION " + name + "() RETURNS bigint LANGUAGE plpgsql AS $$" + body + "$$",
                List.of(), List.of(bodyReads), null);
    }

    private static Column defaultCalling(String column, Routine routine) {
        return new Column(column, "bigint", false, routine.name() + "()", Identity.NONE, null, null, null, null,
                List.of(routine.ref()));
    }

    @Test
    void aPlpgsqlFunctionIsCreatedAfterTheViewItsBodyReads() {
        View totals = new View(name("public.totals"), "SELECT 1 AS total", List.of(), List.of(), null);
        Routine f = plpgsql("public.f", "BEGIN RETURN (SELECT total FROM totals); END",
                ObjectRef.of(ObjectKind.VIEW, name("public.totals")));
        SchemaModel current = model().table("public.r", col("id", "integer")).build();
        SchemaModel desired = withRoutines(model().table("public.r", col("id", "integer"), defaultCalling("total", f))
                .viewWith(totals).build(), f);
        // without the hint the routine (rank 15) would come first and the new column's default would
        // run it before the view exists
        assertEquals(List.of("create-view:public.totals", "create-routine:public.f()", "add-column:public.r.total"),
                orderedIds(current, desired));
    }

    @Test
    void aHintThatWouldCloseACycleIsLeftOut() {
        Routine next = plpgsql("public.next_no", "BEGIN RETURN (SELECT max(no) + 1 FROM t); END",
                ObjectRef.of(ObjectKind.TABLE, name("public.t")));
        SchemaModel desired = withRoutines(model().table("public.t", col("id", "integer"), defaultCalling("no", next))
                .build(), next);
        assertEquals(List.of("create-routine:public.next_no()", "create-table:public.t"),
                orderedIds(model().build(), desired));
    }

    @Test
    void aRoutineWhoseStandardBodyReadsARetypedColumnIsDroppedAndCreatedAroundTheChange() {
        ObjectRef amount = ObjectRef.member(ObjectKind.COLUMN, name("public.orders"), "amount");
        Routine total = new Routine(name("public.total"), "", RoutineKind.FUNCTION, "", "bigint",
                "CREATE OR REPLACE FUNCTION public.total() RETURNS bigint LANGUAGE sql RETURN (SELECT sum(amount) FROM orders)",
                List.of(ObjectRef.of(ObjectKind.TABLE, name("public.orders")), amount), null);
        SchemaModel current = withRoutines(model().table("public.orders", col("amount", "integer")).build(), total);
        SchemaModel desired = withRoutines(model().table("public.orders", col("amount", "bigint")).build(), total);
        assertEquals(List.of("drop-routine:public.total()", "alter-column:public.orders.amount",
                "create-routine:public.total()"), orderedIds(current, desired));
    }

    @Test
    void aPlpgsqlBodyReadingARetypedColumnKeepsItsRoutine() {
        Routine total = plpgsql("public.total", "BEGIN RETURN (SELECT sum(amount) FROM orders); END",
                ObjectRef.of(ObjectKind.TABLE, name("public.orders")));
        SchemaModel current = withRoutines(model().table("public.orders", col("amount", "integer")).build(), total);
        SchemaModel desired = withRoutines(model().table("public.orders", col("amount", "bigint")).build(), total);
        assertEquals(List.of("alter-column:public.orders.amount"), orderedIds(current, desired));
    }
}
