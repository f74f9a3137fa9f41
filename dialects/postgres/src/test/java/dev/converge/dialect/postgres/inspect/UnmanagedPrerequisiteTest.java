package dev.converge.dialect.postgres.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A desired state that needs an object Converge does not manage (a range type) is refused when the
 * plan is made if the target lacks that object, naming what needs it; it plans normally once the
 * target has it (the object stays listed as unmanaged, as always).
 */
class UnmanagedPrerequisiteTest {
    private static final String DESIRED = """
            CREATE SCHEMA app;
            CREATE TYPE app.span AS RANGE (SUBTYPE = int4);
            CREATE TABLE app.bookings (id int PRIMARY KEY, during app.span);
            CREATE VIEW app.long_bookings AS SELECT id FROM app.bookings WHERE upper(during) - lower(during) > 10;
            CREATE FUNCTION app.width(app.span) RETURNS int LANGUAGE sql AS 'SELECT upper($1) - lower($1)';
            """;

    private final PostgresDialect dialect = new PostgresDialect();
    private final InspectScope scope = new InspectScope(Set.of(), Set.of());

    @Test
    void aPlanNeedingAnUnmanagedObjectTheTargetLacksIsRefusedNamingTheChain() throws Exception {
        try (LocalPostgres shadow = LocalPostgres.create("kinds_need_desired");
             LocalPostgres target = LocalPostgres.create("kinds_need_target");
             Connection shadowConnection = shadow.connect();
             Connection targetConnection = target.connect()) {
            shadow.execute(DESIRED);
            target.execute("CREATE SCHEMA app");
            SchemaModel desired = dialect.inspector().inspect(shadowConnection, scope);
            SchemaModel current = dialect.inspector().inspect(targetConnection, scope);

            ConvergeException refused = assertThrows(ConvergeException.class,
                    () -> Planner.of(dialect).plan(current, desired, "target"));
            assertEquals(ErrorKind.UNMANAGED, refused.kind());
            assertTrue(refused.getMessage().contains("table app.bookings needs range type app.span, which Converge"
                    + " does not manage and the target lacks"), refused.getMessage());
            assertTrue(refused.getMessage().contains("routine app.width(app.span) needs range type app.span"),
                    refused.getMessage());

            // once the target has the type, the plan is made (and lists the type as unmanaged on both sides)
            target.execute("CREATE TYPE app.span AS RANGE (SUBTYPE = int4)");
            SchemaModel withType = dialect.inspector().inspect(targetConnection, scope);
            Plan plan = Planner.of(dialect).plan(withType, desired, "target");
            assertFalse(plan.steps().isEmpty());
            assertTrue(plan.hasUnmanaged());
        }
    }
}
