package dev.converge.dialect.postgres.enums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.SafetyPolicy;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.PlanAnnotator;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Enum labels that cannot change in place (removed, reordered): refused unless the type's declaration
 * allows the table rewrite, and then one step with the full recipe, its hazards, and a data pre-check
 * that finds rows holding a removed label (against the local server).
 */
class EnumRecreationTest {
    private static final String CURRENT = "CREATE TYPE status AS ENUM ('new', 'open', 'archived');"
            + "CREATE TABLE orders (id int PRIMARY KEY, status status NOT NULL DEFAULT 'new');";
    private static final String DESIRED = "CREATE TYPE status AS ENUM ('open', 'new');\n"
            + "CREATE TABLE orders (id int PRIMARY KEY, status status NOT NULL DEFAULT 'new');\n";

    private final PostgresDialect dialect = new PostgresDialect();

    @Test
    void withoutTheAllowanceThePlanIsRefusedAndSaysHowToAllowIt() throws Exception {
        ConvergeException refused = assertThrows(ConvergeException.class, () -> plan(CURRENT, DESIRED));
        assertTrue(refused.getMessage().contains("PostgreSQL can only add labels to an enum"), refused.getMessage());
        assertTrue(refused.getMessage().contains("'-- converge:allow TABLE_REWRITE' on the line before CREATE TYPE"
                + " public.status"), refused.getMessage());
    }

    @Test
    void allowedTheTypeIsRecreatedInOneStepWithItsHazards() throws Exception {
        Plan plan = plan(CURRENT, "-- converge:allow TABLE_REWRITE\n" + DESIRED);
        assertEquals(List.of("recreate-enum:public.status"), plan.steps().stream().map(PlanStep::id).toList());
        PlanStep step = plan.steps().get(0);
        assertEquals(List.of(
                "ALTER TYPE \"public\".\"status\" RENAME TO \"status_converge_old\"",
                "CREATE TYPE \"public\".\"status\" AS ENUM ('open', 'new')",
                "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"status\" DROP DEFAULT",
                "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"status\" TYPE \"public\".\"status\""
                        + " USING \"status\"::text::\"public\".\"status\"",
                "ALTER TABLE \"public\".\"orders\" ALTER COLUMN \"status\" SET DEFAULT 'new'::public.status",
                "DROP TYPE \"public\".\"status_converge_old\""),
                step.statements().stream().map(DdlStatement::sql).toList());
        Set<HazardCode> codes = step.hazards().stream().map(Hazard::code).collect(Collectors.toSet());
        assertTrue(codes.containsAll(EnumSet.of(HazardCode.TABLE_REWRITE, HazardCode.ACCESS_EXCLUSIVE_LOCK,
                HazardCode.DATA_DEPENDENT, HazardCode.BACKWARD_INCOMPATIBLE)), codes.toString());
        assertTrue(step.isLocking(), "a table rewrite is a locking step");
    }

    @Test
    void aRowHoldingARemovedLabelFailsThePreCheckAndThePlanIsRefused() throws Exception {
        Plan plan = plan(CURRENT + "INSERT INTO orders VALUES (1, 'open'), (2, 'archived');",
                "-- converge:allow TABLE_REWRITE\n" + DESIRED);
        List<SafetyPolicy.Refusal> refusals = SafetyPolicy.DEFAULT.refusals(plan);
        assertEquals(1, refusals.size(), plan.steps().toString());
        assertTrue(refusals.get(0).reasons().get(0).contains("every value of public.orders.status is a label of the new"
                + " public.status"), refusals.get(0).reasons().toString());
    }

    @Test
    void rowsHoldingOnlyKeptLabelsPassThePreCheck() throws Exception {
        Plan plan = plan(CURRENT + "INSERT INTO orders VALUES (1, 'open'), (2, 'new');",
                "-- converge:allow TABLE_REWRITE\n" + DESIRED);
        assertFalse(plan.steps().get(0).safety().checks().isEmpty(), "the step is probed");
        assertEquals(List.of(), SafetyPolicy.DEFAULT.refusals(plan));
    }

    /** Plans {@code current} -> the desired files through a server shadow, with the target's live facts. */
    private Plan plan(String current, String desiredSql) throws Exception {
        Path dir = Files.createTempDirectory("pgobj-enum-");
        try (LocalPostgres target = LocalPostgres.create("pgobj_enum")) {
            target.execute(current);
            Files.writeString(dir.resolve("schema.sql"), desiredSql);
            DatabaseUrl url = dialect.parseUrl(target.jdbcUrl());
            try (Connection c = dialect.connect(url)) {
                DesiredState desired = new DesiredStateResolver(dialect).resolve(dir.toString(), ShadowSpec.SERVER,
                        url, dialect.version(c), InspectScope.ALL);
                var model = dialect.inspector().inspect(c, InspectScope.ALL);
                Plan plan = Planner.of(dialect).plan(model, desired.model(), url.display(), desired.source());
                return dialect.annotator().annotate(plan, c, model, PlanAnnotator.Options.DEFAULT);
            }
        } finally {
            Files.deleteIfExists(dir.resolve("schema.sql"));
            Files.deleteIfExists(dir);
        }
    }
}
