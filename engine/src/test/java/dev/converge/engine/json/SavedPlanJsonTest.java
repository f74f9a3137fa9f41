package dev.converge.engine.json;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.enumCol;
import static dev.converge.engine.Fixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.change.DropTable;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.Collation;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Privilege;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.source.SourceModel;
import java.util.Map;
import java.util.Set;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.plan.StatementLimits;
import dev.converge.engine.safety.Classification;
import dev.converge.engine.text.AnsiLexer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SavedPlanJsonTest {
    /** A generator that writes each change's class and target, so the test needs no dialect. */
    private static final Planner PLANNER = new Planner("postgres", new AnsiLexer(),
            change -> List.of(DdlStatement.inTransaction("-- " + change.getClass().getSimpleName() + " " + change.target())),
            (change, current) -> Classification.of(!(change instanceof DropTable), List.of()));

    private static SavedPlan saved() {
        SchemaModel current = model().table("public.old", col("id", "integer")).build();
        SchemaModel desired = model().enumType("public.mood", "a", "b")
                .table("public.a", col("id", "integer"), enumCol("m", "public.mood"))
                .table("public.b", col("id", "integer"), col("a_id", "integer"))
                .index("public.b_idx", "public.b", "a_id")
                .foreignKey("public.b", "b_a_fk", "a_id", "public.a")
                .view("public.v", "select 1", "public.a.id").build();
        Plan plan = PLANNER.plan(current, desired, "postgresql://app@db/shop");
        return new SavedPlan(plan, List.of("public"), current, desired, "files-hash", "abc123");
    }

    @Test
    void aPlanFileReadsBackAsTheSamePlan() {
        SavedPlan saved = saved();
        SavedPlan read = SavedPlanJson.read(SavedPlanJson.write(saved), "plan.json");
        assertEquals(saved, read);
        assertEquals(SavedPlanJson.write(saved), SavedPlanJson.write(read));
    }

    /** Privileges, collations and a recreated enum (the kinds added for issue 8) survive the file too. */
    @Test
    void privilegesCollationsAndRecreatedEnumsReadBack() {
        QualifiedName table = QualifiedName.of("public", "a");
        Collation bytes = new Collation(QualifiedName.of("public", "bytes"), "libc", null, "C", "C", true, null, "c");
        SchemaModel current = model().enumType("public.mood", "b", "a").table("public.a", enumCol("m", "public.mood"))
                .build().withPrivilegesAndCollations(List.of(new Privilege(ObjectRef.of(ObjectKind.TABLE, table),
                        "app", "INSERT", true)), List.of());
        SchemaModel desired = model().enumType("public.mood", "a", "b").table("public.a", enumCol("m", "public.mood"))
                .build().withPrivilegesAndCollations(List.of(new Privilege(ObjectRef.member(ObjectKind.COLUMN, table,
                        "m"), "app", "SELECT", false)), List.of(bytes));
        ObjectRef mood = ObjectRef.of(ObjectKind.ENUM, QualifiedName.of("public", "mood"));
        SourceModel allowsRecreation = new SourceModel(List.of(), Map.of(), List.of(), Set.of(), List.of(),
                Map.of(mood, Set.of(HazardCode.TABLE_REWRITE)));
        Plan plan = PLANNER.plan(current, desired, "postgresql://app@db/shop", allowsRecreation);
        assertEquals(List.of("create-collation:public.bytes", "grant-privileges:column:public.a.m:app",
                "recreate-enum:public.mood", "revoke-privileges:table:public.a:app",
                "set-comment:collation:public.bytes"),
                plan.steps().stream().map(PlanStep::id).sorted().toList());
        SavedPlan saved = new SavedPlan(plan, List.of("public"), current, desired, "files-hash", "abc123");
        assertEquals(saved, SavedPlanJson.read(SavedPlanJson.write(saved), "plan.json"));
    }

    /** A replaced index (one change holding both definitions) reads back as the same change. */
    @Test
    void aReplacedIndexReadsBack() {
        SchemaModel current = model().table("public.b", col("id", "integer"), col("a_id", "integer"))
                .index("public.b_idx", "public.b", "a_id").build();
        SchemaModel desired = model().table("public.b", col("id", "integer"), col("a_id", "integer"))
                .index("public.b_idx", "public.b", "id").build();
        Plan plan = PLANNER.plan(current, desired, "postgresql://app@db/shop");
        assertEquals(List.of("replace-index:public.b_idx"), plan.steps().stream().map(s -> s.id()).toList());
        SavedPlan saved = new SavedPlan(plan, List.of("public"), current, desired, "files-hash", null);
        assertEquals(saved, SavedPlanJson.read(SavedPlanJson.write(saved), "plan.json"));
    }

    /** Each statement keeps its own timeouts through the file, the inverses' too; a plan without them reads back without. */
    @Test
    void statementTimeoutsReadBackOnEveryStatement() {
        SavedPlan plain = saved();
        StatementLimits limits = new StatementLimits(java.time.Duration.ofMillis(250), java.time.Duration.ofSeconds(30));
        SavedPlan limited = new SavedPlan(limits.onEveryStatement(plain.plan()), plain.schemas(), plain.current(),
                plain.desired(), plain.desiredHash(), plain.gitCommit());
        String json = SavedPlanJson.write(limited);
        assertTrue(json.contains("\"lockTimeoutMillis\" : 250") && json.contains("\"statementTimeoutMillis\" : 30000"), json);
        SavedPlan read = SavedPlanJson.read(json, "plan.json");
        assertEquals(limited, read);
        assertTrue(read.plan().steps().stream().flatMap(s -> java.util.stream.Stream.concat(s.statements().stream(),
                s.inverse().stream())).allMatch(s -> limits.equals(s.limits())), json);
        assertTrue(SavedPlanJson.read(SavedPlanJson.write(plain), "plan.json").plan().steps().stream()
                .flatMap(s -> s.statements().stream()).allMatch(s -> s.limits() == null));
    }

    @Test
    void inverseStatementsAreComputedAndDropsOfDataAreIrreversible() {
        List<PlanStep> steps = saved().plan().steps();
        PlanStep createTable = steps.stream().filter(s -> s.id().equals("create-table:public.a")).findFirst().orElseThrow();
        assertEquals(List.of("-- DropTable table:public.a"), createTable.inverse().stream().map(DdlStatement::sql).toList());
        PlanStep dropTable = steps.stream().filter(s -> s.id().equals("drop-table:public.old")).findFirst().orElseThrow();
        assertTrue(!dropTable.isReversible() && dropTable.inverse().isEmpty());
    }

    @Test
    void anEditedPlanIsRefused() {
        String text = SavedPlanJson.write(saved()).replace("-- DropTable table:public.old", "-- DROP everything");
        ConvergeException e = assertThrows(ConvergeException.class, () -> SavedPlanJson.read(text, "plan.json"));
        assertEquals(ErrorKind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("integrity"), e.getMessage());
    }

    @Test
    void reformattingThePlanFileIsNoEdit() {
        String text = SavedPlanJson.write(saved()).replace("\n", "\r\n").replace("  ", "    ");
        assertEquals(saved(), SavedPlanJson.read(text, "plan.json"));
    }

    @Test
    void somethingElseThanAPlanIsAUsageError() {
        ConvergeException e = assertThrows(ConvergeException.class, () -> SavedPlanJson.read("{\"steps\": []}", "x.json"));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertEquals(ErrorKind.USAGE, assertThrows(ConvergeException.class, () -> SavedPlanJson.read("nope", "x.json")).kind());
    }
}
