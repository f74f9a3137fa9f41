package dev.converge.dialect.postgres.privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.dialect.postgres.testing.TestRoles;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Privilege;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.PlanAnnotator;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.converge.engine.json.PlanJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Privileges are managed for the roles a project names and for no other: what the inspector reads,
 * what a plan revokes, how a revoke is classified, and what happens when the desired state grants to
 * a role the target's server does not have (against the local server, roles with unique names).
 */
class ManagedPrivilegesTest {
    private final PostgresDialect dialect = new PostgresDialect();
    private final Planner planner = Planner.of(dialect);

    @Test
    void onlyTheManagedRolesPrivilegesAreReadAndTheOwnersNever() throws Exception {
        try (TestRoles roles = TestRoles.onLocalServer(List.of("managed", "other"));
             LocalPostgres db = LocalPostgres.create("pgobj_priv")) {
            db.execute(roles.substitute("CREATE TABLE t (id int, secret text);"
                    + "GRANT SELECT, UPDATE (secret) ON t TO {{managed}}; GRANT SELECT ON t TO {{other}};"));
            SchemaModel model = inspect(db, Set.of(roles.name("managed")));
            QualifiedName t = QualifiedName.of("public", "t");
            assertEquals(List.of(
                    new Privilege(ObjectRef.of(ObjectKind.TABLE, t), roles.name("managed"), "SELECT", false),
                    new Privilege(ObjectRef.member(ObjectKind.COLUMN, t, "secret"), roles.name("managed"), "UPDATE",
                            false)), model.privileges());
            assertEquals(List.of(), inspect(db, Set.of()).privileges(), "no managed role: no privilege read");
        }
    }

    @Test
    void aPlanNeverRevokesFromARoleItDoesNotManageAndRevokesAreBackwardIncompatible() throws Exception {
        try (TestRoles roles = TestRoles.onLocalServer(List.of("managed", "other"));
             LocalPostgres target = LocalPostgres.create("pgobj_priv_t");
             LocalPostgres desired = LocalPostgres.create("pgobj_priv_d")) {
            target.execute(roles.substitute("CREATE TABLE t (id int);"
                    + "GRANT SELECT, INSERT ON t TO {{managed}}; GRANT SELECT ON t TO {{other}};"));
            desired.execute(roles.substitute("CREATE TABLE t (id int); GRANT SELECT ON t TO {{managed}};"));
            Set<String> managed = Set.of(roles.name("managed"));
            Plan plan = planner.plan(inspect(target, managed), inspect(desired, managed), "target");
            assertEquals(List.of("revoke-privileges:table:public.t:" + roles.name("managed")),
                    plan.steps().stream().map(PlanStep::id).toList());
            PlanStep revoke = plan.steps().get(0);
            assertEquals(List.of("REVOKE INSERT ON TABLE \"public\".\"t\" FROM \"" + roles.name("managed") + "\""),
                    revoke.statements().stream().map(s -> s.sql()).toList());
            assertTrue(revoke.hazards().stream().anyMatch(h -> h.code() == HazardCode.BACKWARD_INCOMPATIBLE),
                    revoke.hazards().toString());
        }
    }

    /** Steps on every kind a privilege can be on (a column, a routine, a type...) match the published plan schema. */
    @Test
    void aJsonPlanOfPrivilegesMatchesThePlanSchema() throws Exception {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Path.of("../../schemas/plan.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        try (TestRoles roles = TestRoles.onLocalServer(List.of("app"));
             LocalPostgres target = LocalPostgres.create("pgobj_priv_js");
             LocalPostgres desired = LocalPostgres.create("pgobj_priv_jd")) {
            String objects = "CREATE TABLE t (id int); CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';"
                    + "CREATE DOMAIN d AS int; CREATE COLLATION c (provider = libc, lc_collate = 'C', lc_ctype = 'C');";
            target.execute(objects);
            desired.execute(roles.substitute(objects + "GRANT SELECT (id) ON t TO {{app}};"
                    + "GRANT EXECUTE ON FUNCTION f() TO {{app}}; GRANT USAGE ON DOMAIN d TO {{app}};"
                    + "COMMENT ON COLLATION c IS 'bytes';"));
            Set<String> managed = Set.of(roles.name("app"));
            Plan plan = planner.plan(inspect(target, managed), inspect(desired, managed), "target");
            assertEquals(4, plan.steps().size(), plan.steps().toString());
            var json = new ObjectMapper().readTree(PlanJson.write(plan));
            assertEquals(Set.of(), schema.validate(json).stream().map(Object::toString).collect(Collectors.toSet()));
        }
    }

    /**
     * The embedded shadow creates the roles the desired GRANTs name, so the files load; the plan is then
     * refused against a target whose server lacks the role, naming it, before anything runs.
     */
    @Test
    void aGrantToARoleTheTargetLacksIsRefusedAsBadInput() throws Exception {
        String missing = "cvt_missing_" + Long.toHexString(System.nanoTime());
        Path dir = Files.createTempDirectory("pgobj-desired-");
        try (LocalPostgres target = LocalPostgres.create("pgobj_priv_m")) {
            Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id int);\nGRANT SELECT ON t TO " + missing
                    + ";\n");
            DatabaseUrl url = dialect.parseUrl(target.jdbcUrl());
            InspectScope scope = new InspectScope(Set.of(), Set.of(missing));
            try (Connection c = dialect.connect(url)) {
                DesiredState desired = new DesiredStateResolver(dialect).resolve(dir.toString(), ShadowSpec.EMBEDDED,
                        url, dialect.version(c), scope);
                assertEquals(1, desired.model().privileges().size(), desired.model().privileges().toString());
                SchemaModel current = dialect.inspector().inspect(c, scope);
                Plan plan = planner.plan(current, desired.model(), url.display());
                ConvergeException refused = assertThrows(ConvergeException.class,
                        () -> dialect.annotator().annotate(plan, c, current, PlanAnnotator.Options.DEFAULT));
                assertEquals(ErrorKind.BAD_INPUT, refused.kind());
                assertTrue(refused.getMessage().contains(missing + " (on public.t)"), refused.getMessage());
            }
        } finally {
            deleteTree(dir);
        }
    }

    private SchemaModel inspect(LocalPostgres db, Set<String> roles) throws Exception {
        try (Connection c = db.connect()) {
            return dialect.inspector().inspect(c, new InspectScope(Set.of(), roles));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
