package dev.converge.engine.graph;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.enumCol;
import static dev.converge.engine.Fixtures.model;
import static dev.converge.engine.Fixtures.tablesReferringToEachOther;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.change.Change;
import dev.converge.engine.diff.Differ;
import dev.converge.engine.model.SchemaModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangeGraphTest {
    private static List<String> orderedIds(SchemaModel current, SchemaModel desired) {
        List<Change> changes = new Differ().diff(current, desired).changes();
        return ChangeGraph.order(changes, current).stream().map(StepIds::of).toList();
    }

    private static void assertBefore(List<String> ids, String first, String second) {
        assertTrue(ids.contains(first), first + " missing from " + ids);
        assertTrue(ids.contains(second), second + " missing from " + ids);
        assertTrue(ids.indexOf(first) < ids.indexOf(second), first + " should run before " + second + " in " + ids);
    }

    @Test
    void foreignKeyCycleIsBrokenByAddingKeysAfterBothTables() {
        SchemaModel desired = tablesReferringToEachOther();
        List<String> ids = orderedIds(model().build(), desired);
        assertEquals(List.of("create-table:public.a", "create-table:public.b",
                "add-foreign-key:public.a.a_b_fk", "add-foreign-key:public.b.b_a_fk"), ids);
    }

    /** Table public.t (id integer, c of type {@code typeOfC}) and view public.v reading only {@code readColumn}. */
    private static SchemaModel viewReading(String readColumn, String typeOfC) {
        return model().table("public.t", col("id", "integer"), col("c", typeOfC))
                .view("public.v", "SELECT " + readColumn + " FROM public.t", "public.t", "public.t." + readColumn).build();
    }

    @Test
    void viewIsDroppedAndRecreatedAroundATypeChangeOfAColumnItReads() {
        List<String> ids = orderedIds(viewReading("c", "integer"), viewReading("c", "bigint"));
        assertEquals(List.of("drop-view:public.v", "alter-column:public.t.c", "create-view:public.v"), ids);
    }

    @Test
    void viewIsKeptWhenAColumnItDoesNotReadChangesType() {
        assertEquals(List.of("alter-column:public.t.c"), orderedIds(viewReading("id", "integer"), viewReading("id", "bigint")));
    }

    @Test
    void viewsReadingAReplacedViewAreReplacedToo() {
        SchemaModel current = model().table("public.t", col("id", "integer"))
                .view("public.v1", "SELECT id FROM public.t", "public.t")
                .view("public.v2", "SELECT id FROM public.v1", "public.v1").build();
        SchemaModel desired = model().table("public.t", col("id", "integer"))
                .view("public.v1", "SELECT id, 1 AS one FROM public.t", "public.t")
                .view("public.v2", "SELECT id FROM public.v1", "public.v1").build();
        List<String> ids = orderedIds(current, desired);
        assertEquals(List.of("drop-view:public.v2", "drop-view:public.v1", "create-view:public.v1",
                "create-view:public.v2"), ids);
    }

    @Test
    void foreignKeyIsDroppedBeforeTheTableItRefersTo() {
        SchemaModel current = model().table("public.parent", col("id", "integer"))
                .table("public.child", col("id", "integer"), col("parent_id", "integer"))
                .foreignKey("public.child", "child_parent_fk", "parent_id", "public.parent").build();
        SchemaModel desired = model().table("public.child", col("id", "integer"), col("parent_id", "integer")).build();
        List<String> ids = orderedIds(current, desired);
        assertEquals(List.of("drop-foreign-key:public.child.child_parent_fk", "drop-table:public.parent"), ids);
    }

    @Test
    void droppedTablesThatReferToEachOtherLoseTheirKeysFirst() {
        SchemaModel current = tablesReferringToEachOther();
        List<String> ids = orderedIds(current, model().build());
        assertBefore(ids, "drop-foreign-key:public.a.a_b_fk", "drop-table:public.b");
        assertBefore(ids, "drop-foreign-key:public.b.b_a_fk", "drop-table:public.a");
    }

    @Test
    void newEnumAndNewSchemaComeBeforeTheTableThatUsesThem() {
        SchemaModel desired = model().schema("shop").enumType("shop.status", "new", "paid")
                .table("shop.orders", col("id", "integer"), enumCol("status", "shop.status")).build();
        List<String> ids = orderedIds(model().build(), desired);
        assertEquals(List.of("create-schema:shop", "create-enum:shop.status", "create-table:shop.orders"), ids);
    }

    @Test
    void enumValuesAreAddedBeforeTheColumnThatNeedsThem() {
        SchemaModel current = model().enumType("public.mood", "sad", "happy")
                .table("public.t", col("id", "integer")).build();
        SchemaModel desired = model().enumType("public.mood", "sad", "ok", "happy", "ecstatic")
                .table("public.t", col("id", "integer"), enumCol("m", "public.mood")).build();
        List<String> ids = orderedIds(current, desired);
        assertEquals(List.of("add-enum-value:public.mood:ok", "add-enum-value:public.mood:ecstatic",
                "add-column:public.t.m"), ids);
    }

    @Test
    void schemaIsDroppedAfterEverythingInIt() {
        SchemaModel current = model().schema("old").enumType("old.e", "x")
                .table("old.t", col("id", "integer"), enumCol("e", "old.e"))
                .view("old.v", "SELECT id FROM old.t", "old.t").build();
        List<String> ids = orderedIds(current, model().build());
        assertEquals(List.of("drop-view:old.v", "drop-table:old.t", "drop-enum:old.e", "drop-schema:old"), ids);
    }

    @Test
    void orderIsTheSameWhateverOrderTheChangesArriveIn() {
        SchemaModel current = model().table("public.t", col("id", "integer"), col("c", "integer"))
                .view("public.v", "SELECT c FROM public.t", "public.t").build();
        SchemaModel desired = model().schema("s").table("public.t", col("id", "integer"), col("c", "text"))
                .table("s.u", col("id", "integer")).index("public.t_c_idx", "public.t", "c")
                .foreignKey("s.u", "u_t_fk", "id", "public.t")
                .view("public.v", "SELECT c FROM public.t", "public.t").build();
        List<Change> changes = new Differ().diff(current, desired).changes();
        List<String> expected = ChangeGraph.order(changes, current).stream().map(StepIds::of).toList();
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<Change> shuffled = new ArrayList<>(changes);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, ChangeGraph.order(shuffled, current).stream().map(StepIds::of).toList());
        }
    }

    @Test
    void newLabelsAreAddedInTheirDesiredOrder() {
        SchemaModel current = model().enumType("public.status", "new", "paid").build();
        SchemaModel desired = model().enumType("public.status", "a", "b", "new", "paid", "shipped", "cancelled").build();
        List<String> ids = orderedIds(current, desired);
        assertEquals(List.of("add-enum-value:public.status:a", "add-enum-value:public.status:b",
                "add-enum-value:public.status:shipped", "add-enum-value:public.status:cancelled"), ids);
    }

    @Test
    void newColumnsAreAppendedInTheirDesiredOrder() {
        SchemaModel current = model().table("public.m", col("id", "integer")).build();
        SchemaModel desired = model().table("public.m", col("id", "integer"), col("ttl_year", "interval"),
                col("ttl_day", "interval"), col("ttl_min", "interval")).build();
        assertEquals(List.of("add-column:public.m.ttl_year", "add-column:public.m.ttl_day", "add-column:public.m.ttl_min"),
                orderedIds(current, desired));
    }
}
