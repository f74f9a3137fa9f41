package dev.converge.dialect.postgres.inspect;

import static dev.converge.dialect.postgres.inspect.InspectorFixture.inspect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Policy;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Routine;
import dev.converge.engine.model.RoutineKind;
import dev.converge.engine.model.RowSecurity;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.TriggerState;
import dev.converge.engine.model.UnmanagedObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inspector on routines, triggers, row-level security, policies and the objects it does not
 * manage: each test builds a fresh database and asserts what is read.
 */
class PostgresInspectorProgramsTest {
    private static QualifiedName pub(String name) {
        return QualifiedName.of("public", name);
    }

    private static ObjectRef routine(String schema, String nameAndSignature) {
        return ObjectRef.of(ObjectKind.ROUTINE, QualifiedName.of(schema, nameAndSignature));
    }

    @Test
    void overloadsAreRoutinesOfTheirOwnWithTheirKindArgumentsAndResult() {
        SchemaModel model = inspect("""
                CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
                CREATE FUNCTION f(a text, b text DEFAULT 'x') RETURNS text LANGUAGE sql AS 'SELECT a || b';
                CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1';
                COMMENT ON PROCEDURE p IS 'does nothing';
                """);
        assertEquals(List.of(routine("public", "f(integer)"), routine("public", "f(text, text)"),
                routine("public", "p()")), model.routines().stream().map(Routine::ref).toList());
        Routine text = model.routines().get(1);
        assertEquals(RoutineKind.FUNCTION, text.kind());
        assertEquals("a text, b text DEFAULT 'x'::text", text.arguments());
        assertEquals("text", text.result());
        assertTrue(text.definition().startsWith("CREATE OR REPLACE FUNCTION public.f(a text, b text DEFAULT 'x'::text)"),
                text.definition());
        Routine procedure = model.routines().get(2);
        assertEquals(RoutineKind.PROCEDURE, procedure.kind());
        assertNull(procedure.result());
        assertEquals("does nothing", procedure.comment());
        assertEquals(List.of(), model.unmanaged());
    }

    /** What pg_depend does not record: the tables, views and routines an SQL string body names. */
    @Test
    void anSqlBodyDependsOnWhatItNamesAndAPlpgsqlBodyOnNothing() {
        SchemaModel model = inspect("""
                CREATE SCHEMA other;
                CREATE TABLE orders (id int, amount int);
                CREATE TABLE other."Lines" (order_id int);
                CREATE VIEW big AS SELECT * FROM orders WHERE amount > 100;
                CREATE FUNCTION helper(x int) RETURNS int LANGUAGE sql AS 'SELECT x';
                CREATE FUNCTION reads() RETURNS bigint LANGUAGE sql AS $$
                    SELECT count(*) + helper(1) FROM orders o JOIN other."Lines" l ON l.order_id = o.id
                    WHERE 'big' <> '' -- big in a comment and a string does not count
                $$;
                CREATE FUNCTION late() RETURNS bigint LANGUAGE plpgsql AS $$
                    BEGIN RETURN (SELECT count(*) FROM big); END $$;
                CREATE FUNCTION rows_of() RETURNS SETOF orders LANGUAGE sql AS 'SELECT * FROM orders';
                """);
        assertEquals(List.of(ObjectRef.of(ObjectKind.TABLE, QualifiedName.of("other", "Lines")),
                        ObjectRef.of(ObjectKind.TABLE, pub("orders")), routine("public", "helper(integer)")),
                byName(model, "reads").dependsOn());
        assertEquals(List.of(), byName(model, "late").dependsOn());
        assertEquals(List.of(ObjectRef.of(ObjectKind.TABLE, pub("orders"))), byName(model, "rows_of").dependsOn());
    }

    @Test
    void triggersWithTheirFunctionAndEnableState() {
        SchemaModel model = inspect("""
                CREATE TABLE t (id int);
                CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER on_insert BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf();
                CREATE TRIGGER off AFTER UPDATE ON t FOR EACH STATEMENT EXECUTE FUNCTION tf();
                ALTER TABLE t DISABLE TRIGGER off;
                COMMENT ON TRIGGER off ON t IS 'paused';
                """);
        assertEquals(List.of(
                new Trigger(pub("t"), "off", "CREATE TRIGGER off AFTER UPDATE ON public.t FOR EACH STATEMENT EXECUTE FUNCTION public.tf()",
                        TriggerState.DISABLED, routine("public", "tf()"), "paused"),
                new Trigger(pub("t"), "on_insert", "CREATE TRIGGER on_insert BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.tf()",
                        TriggerState.ENABLED, routine("public", "tf()"), null)), model.triggers());
    }

    @Test
    void rowSecurityAndPoliciesWithWhatTheyRead() {
        SchemaModel model = inspect("""
                CREATE SCHEMA auth;
                CREATE TABLE auth.members (name text, team int);
                CREATE TABLE t (id int, team int);
                CREATE TABLE plain (id int);
                ALTER TABLE t ENABLE ROW LEVEL SECURITY;
                ALTER TABLE t FORCE ROW LEVEL SECURITY;
                CREATE POLICY mine ON t AS RESTRICTIVE FOR UPDATE TO postgres
                    USING (team IN (SELECT m.team FROM auth.members m)) WITH CHECK (id > 0);
                """);
        assertEquals(List.of(new RowSecurity(pub("t"), true, true)), model.rowSecurity());
        Policy policy = model.policies().get(0);
        assertEquals("mine", policy.name());
        assertFalse(policy.permissive());
        assertEquals("UPDATE", policy.command());
        assertEquals(List.of("postgres"), policy.roles());
        assertEquals("(id > 0)", policy.withCheck());
        assertEquals(List.of(ObjectRef.of(ObjectKind.TABLE, QualifiedName.of("auth", "members")),
                ObjectRef.member(ObjectKind.COLUMN, QualifiedName.of("auth", "members"), "team"),
                ObjectRef.member(ObjectKind.COLUMN, pub("t"), "id"),
                ObjectRef.member(ObjectKind.COLUMN, pub("t"), "team")), policy.dependsOn());
    }

    /** Fail closed: every kind Converge does not manage yet is listed, never skipped silently. */
    @Test
    void objectsNotManagedYetAreListedAndManagedKindsAreNot() {
        SchemaModel model = inspect("""
                CREATE EXTENSION IF NOT EXISTS citext;
                CREATE TABLE t (id int, name citext);
                CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;
                CREATE DOMAIN positive AS int CHECK (VALUE > 0);
                CREATE TYPE pair AS (a int, b int);
                CREATE TYPE span AS RANGE (subtype = int);
                CREATE TABLE measurements (at date NOT NULL) PARTITION BY RANGE (at);
                CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                CREATE AGGREGATE total(int) (SFUNC = int4pl, STYPE = int);
                CREATE RULE quiet AS ON DELETE TO t DO INSTEAD NOTHING;
                GRANT SELECT ON t TO PUBLIC;
                CREATE COLLATION bytes (provider = libc, lc_collate = 'C', lc_ctype = 'C');
                """);
        // privileges of roles the project does not manage (here PUBLIC) are ignored, not unmanaged
        assertEquals(List.of(), model.privileges());
        assertEquals(List.of(pub("bytes")), model.collations().stream().map(c -> c.name()).toList());
        assertEquals(List.of(new UnmanagedObject("range type", "public.span")), model.unmanaged());
        // aggregates and rules are managed now, as catalog objects
        assertEquals(List.of(ObjectRef.of(ObjectKind.AGGREGATE, pub("total(integer)")),
                ObjectRef.member(ObjectKind.RULE, pub("t"), "quiet")),
                model.catalogObjects().stream().map(o -> o.ref()).toList());
        assertEquals(List.of("citext"), model.extensions().stream().map(e -> e.name()).toList());
        assertEquals(List.of(pub("mv")), model.materializedViews().stream().map(v -> v.name()).toList());
        assertEquals(List.of(pub("positive")), model.domains().stream().map(d -> d.name()).toList());
        assertEquals(List.of(pub("pair")), model.compositeTypes().stream().map(c -> c.name()).toList());
        assertEquals("RANGE (at)", model.tables().stream().filter(t -> t.name().equals(pub("measurements")))
                .findFirst().orElseThrow().partitionKey());
        assertEquals("FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')", model.tables().stream()
                .filter(t -> t.name().equals(pub("measurements_2026"))).findFirst().orElseThrow().partitionOf().bound());
    }

    private static Routine byName(SchemaModel model, String name) {
        return model.routines().stream().filter(r -> r.name().name().equals(name)).findFirst().orElseThrow();
    }
}
