package dev.converge.engine.graph;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.model;
import static dev.converge.engine.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.change.Change;
import dev.converge.engine.diff.Differ;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Policy;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.RoutineKind;
import dev.converge.engine.model.RowSecurity;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.TriggerState;
import dev.converge.engine.model.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Order and replacement of routines, triggers and policies, on models alone (no database). */
class ProgramsOrderTest {
    private static List<String> orderedIds(SchemaModel current, SchemaModel desired) {
        List<Change> changes = new Differ().diff(current, desired).changes();
        return ChangeGraph.order(changes, current).stream().map(StepIds::of).toList();
    }

    private static SchemaModel with(SchemaModel base, List<Routine> routines, List<Trigger> triggers,
                                    List<Policy> policies, List<RowSecurity> rowSecurity) {
        return new SchemaModel(base.schemas(), base.enums(), base.sequences(), base.tables(), base.indexes(),
                base.foreignKeys(), base.views(), routines, triggers, policies, rowSecurity, List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    private static Routine function(String name, String result, String body, ObjectRef... reads) {
        return new Routine(name(name), "", RoutineKind.FUNCTION, "", result,
                "CREATE OR REPLACE FUNCTION " + name + "() RETURNS " + result + " AS '" + body + "'", List.of(reads), null);
    }

    private static ObjectRef table(String name) {
        return ObjectRef.of(ObjectKind.TABLE, name(name));
    }

    @Test
    void anSqlFunctionIsCreatedAfterTheTableItReadsAndAViewAfterTheFunction() {
        SchemaModel tables = model().table("public.t", col("id", "integer")).build();
        Routine f = function("public.f", "bigint", "SELECT count(*) FROM t", table("public.t"));
        View v = new View(name("public.v"), "SELECT public.f()", List.of(), List.of(f.ref()), null);
        SchemaModel desired = with(model().table("public.t", col("id", "integer")).viewWith(v).build(), List.of(f),
                List.of(), List.of(), List.of());
        assertEquals(List.of("create-table:public.t", "create-routine:public.f()", "create-view:public.v"),
                orderedIds(model().build(), desired));
        assertEquals(List.of("create-routine:public.f()", "create-view:public.v"),
                orderedIds(tables, desired));
    }

    /** View public.v calling public.f(), with f returning {@code result} by {@code body}. */
    private static SchemaModel viewCallingF(String result, String body) {
        View v = new View(name("public.v"), "SELECT public.f()", List.of(), List.of(function("public.f", "int", "").ref()), null);
        return with(model().viewWith(v).build(), List.of(function("public.f", result, body)), List.of(), List.of(), List.of());
    }

    @Test
    void aRoutineWhoseResultChangesIsDroppedAndCreatedAroundTheViewThatCallsIt() {
        assertEquals(List.of("drop-view:public.v", "drop-routine:public.f()", "create-routine:public.f()",
                "create-view:public.v"), orderedIds(viewCallingF("integer", "SELECT 1"), viewCallingF("numeric", "SELECT 1.5")));
    }

    @Test
    void aRoutineWithTheSameSignatureAndResultIsReplacedInPlaceAndItsViewKept() {
        assertEquals(List.of("replace-routine:public.f()"),
                orderedIds(viewCallingF("integer", "SELECT 1"), viewCallingF("integer", "SELECT 2")));
    }

    @Test
    void aTriggerMovedToANewFunctionIsRecreatedAndTheOldFunctionDroppedAfterIt() {
        Routine old = function("public.old_fn", "trigger", "x");
        Routine fresh = function("public.new_fn", "trigger", "y");
        SchemaModel tables = model().table("public.t", col("id", "integer")).build();
        Trigger before = new Trigger(name("public.t"), "tg", "CREATE TRIGGER tg ... public.old_fn()", TriggerState.ENABLED, old.ref(), null);
        Trigger after = new Trigger(name("public.t"), "tg", "CREATE TRIGGER tg ... public.new_fn()", TriggerState.DISABLED, fresh.ref(), null);
        List<String> ids = orderedIds(with(tables, List.of(old), List.of(before), List.of(), List.of()),
                with(tables, List.of(fresh), List.of(after), List.of(), List.of()));
        assertEquals(List.of("drop-trigger:public.t.tg", "drop-routine:public.old_fn()", "create-routine:public.new_fn()",
                "create-trigger:public.t.tg"), ids);
    }

    @Test
    void aPolicyOnANewTableInAnotherSchemaComesAfterTheTablesItReadsAndRowSecurityAfterItsTable() {
        SchemaModel current = model().build();
        SchemaModel tables = model().schema("app").schema("auth")
                .table("app.p", col("id", "integer"), col("team", "integer"))
                .table("auth.m", col("id", "integer"), col("team", "integer")).build();
        Policy policy = new Policy(name("app.p"), "team_only", true, "ALL", List.of("PUBLIC"),
                "(team IN (SELECT m.team FROM auth.m m))", null,
                List.of(table("auth.m"), ObjectRef.member(ObjectKind.COLUMN, name("auth.m"), "team")), null);
        List<String> ids = orderedIds(current, with(tables, List.of(), List.of(), List.of(policy),
                List.of(new RowSecurity(name("app.p"), true, false))));
        assertEquals(List.of("create-schema:app", "create-schema:auth", "create-table:app.p", "create-table:auth.m",
                "set-row-security:app.p", "create-policy:app.p.team_only"), ids);
    }

    @Test
    void aPolicyIsDroppedBeforeAColumnItReadsChangesTypeAndCreatedAgainAfter() {
        Policy policy = new Policy(name("public.t"), "own", true, "ALL", List.of("PUBLIC"), "(owner = CURRENT_USER)",
                null, List.of(ObjectRef.member(ObjectKind.COLUMN, name("public.t"), "owner")), null);
        SchemaModel current = with(model().table("public.t", col("id", "integer"), col("owner", "varchar(10)")).build(),
                List.of(), List.of(), List.of(policy), List.of(new RowSecurity(name("public.t"), true, false)));
        SchemaModel desired = with(model().table("public.t", col("id", "integer"), col("owner", "text")).build(),
                List.of(), List.of(), List.of(policy), List.of(new RowSecurity(name("public.t"), true, false)));
        assertEquals(List.of("drop-policy:public.t.own", "alter-column:public.t.owner", "create-policy:public.t.own"),
                orderedIds(current, desired));
    }

    /**
     * MySQL's trigger order: a trigger that FOLLOWS another depends on it, so it is created after it,
     * and replaced when it is (a recreated trigger would go last in its group).
     */
    @Test
    void aTriggerThatFollowsAReplacedTriggerIsReplacedAfterIt() {
        SchemaModel tables = model().table("db.t", col("id", "int")).build();
        ObjectRef oneRef = ObjectRef.member(ObjectKind.TRIGGER, name("db.t"), "one");
        ObjectRef twoRef = ObjectRef.member(ObjectKind.TRIGGER, name("db.t"), "two");
        Trigger one = new Trigger(name("db.t"), "one", "CREATE TRIGGER one ... SET x = 1", TriggerState.ENABLED, null, null);
        Trigger oneChanged = new Trigger(name("db.t"), "one", "CREATE TRIGGER one ... SET x = 2", TriggerState.ENABLED, null, null);
        Trigger two = new Trigger(name("db.t"), "two", "CREATE TRIGGER two ... FOLLOWS one", TriggerState.ENABLED, null, null,
                List.of(oneRef), null);
        Trigger three = new Trigger(name("db.t"), "three", "CREATE TRIGGER three ... FOLLOWS two", TriggerState.ENABLED, null, null,
                List.of(twoRef), null);
        SchemaModel current = with(tables, List.of(), List.of(one, two, three), List.of(), List.of());
        SchemaModel desired = with(tables, List.of(), List.of(oneChanged, two, three), List.of(), List.of());
        assertEquals(List.of("drop-trigger:db.t.one", "drop-trigger:db.t.three", "drop-trigger:db.t.two",
                "create-trigger:db.t.one", "create-trigger:db.t.two", "create-trigger:db.t.three"),
                orderedIds(current, desired));
        // nothing changes, nothing is replaced
        assertEquals(List.of(), orderedIds(current, current));
    }
}
