package dev.converge.dialect.postgres.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import dev.converge.engine.workflow.PlanPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data pre-checks that used to break: a table whose name needs quotes, and steps that depend on earlier
 * steps of the same plan (a column renamed or retyped before a check on it is added, a table renamed
 * before a foreign key to it, a key to a table the plan creates). Each probe must run (pass or fail on
 * the rows), never be skipped because its query failed.
 */
class ProbesSeeThePlanTest {
    private final PostgresDialect dialect = new PostgresDialect();

    @TempDir
    Path dir;

    @Test
    void aTableWhoseNameNeedsQuotesIsProbed() throws Exception {
        List<DataCheck> checks = checks("""
                CREATE TABLE "foo bar" (id int PRIMARY KEY);
                CREATE TABLE "child fk" (id int, "foo id" int, "Total" int);
                INSERT INTO "foo bar" VALUES (1);
                INSERT INTO "child fk" VALUES (1, 1, 5), (2, 9, -1);
                """, """
                CREATE TABLE "foo bar" (id int PRIMARY KEY);
                CREATE TABLE "child fk" (id int NOT NULL, "foo id" int CONSTRAINT "child fk" REFERENCES "foo bar" (id),
                    "Total" int CONSTRAINT "total check" CHECK ("Total" >= 0));
                """);
        assertOutcomes(checks, 3, 2);
    }

    @Test
    void aColumnRenamedEarlierInThePlanIsReadUnderItsOldName() throws Exception {
        List<DataCheck> checks = checks("""
                CREATE TABLE orders (id int PRIMARY KEY, amount int);
                INSERT INTO orders VALUES (1, 5), (2, NULL), (3, -2);
                """, """
                CREATE TABLE orders (
                    id int PRIMARY KEY,
                    -- converge:renamed-from amount
                    total int NOT NULL CONSTRAINT orders_total_check CHECK (total >= 0)
                );
                """);
        assertOutcomes(checks, 2, 2);
    }

    @Test
    void aColumnRetypedEarlierInThePlanIsReadAsItsNewType() throws Exception {
        List<DataCheck> checks = checks("""
                CREATE TABLE readings (id int PRIMARY KEY, level text);
                INSERT INTO readings VALUES (1, '10'), (2, '200');
                """, """
                CREATE TABLE readings (id int PRIMARY KEY, level int CONSTRAINT readings_level_check CHECK (level < 100));
                """);
        assertOutcomes(checks, 1, 1);
    }

    @Test
    void aForeignKeyToATableRenamedOrCreatedByThePlanIsProbed() throws Exception {
        List<DataCheck> checks = checks("""
                CREATE TABLE customer (id int PRIMARY KEY);
                CREATE TABLE invoice (id int, customer_id int, region_id int);
                INSERT INTO customer VALUES (1);
                INSERT INTO invoice VALUES (1, 1, NULL), (2, 7, 3);
                """, """
                -- converge:renamed-from customer
                CREATE TABLE client (id int PRIMARY KEY);
                CREATE TABLE region (id int PRIMARY KEY);
                CREATE TABLE invoice (id int,
                    customer_id int CONSTRAINT invoice_client_fk REFERENCES client (id),
                    region_id int CONSTRAINT invoice_region_fk REFERENCES region (id));
                """);
        assertOutcomes(checks, 2, 2);
        // Customer 1 exists under the table's old name: only invoice 2 is an orphan, for each key.
        assertEquals(List.of(1L, 1L), checks.stream().map(DataCheck::count).toList(), checks.toString());
    }

    /** Every probe ran ({@code total} of them) and {@code failing} found offending rows; none was skipped. */
    private static void assertOutcomes(List<DataCheck> checks, int total, int failing) {
        assertEquals(total, checks.size(), checks.toString());
        assertTrue(checks.stream().noneMatch(c -> c.outcome() == DataCheck.Outcome.SKIPPED), checks.toString());
        assertEquals(failing, checks.stream().filter(DataCheck::failed).count(), checks.toString());
    }

    private List<DataCheck> checks(String current, String desired) throws IOException {
        Files.writeString(dir.resolve("schema.sql"), desired);
        try (LocalPostgres db = LocalPostgres.create("fixpoint_probe")) {
            db.execute(current);
            DatabaseUrl url = dialect.parseUrl(db.jdbcUrl());
            try (Connection target = dialect.connect(url)) {
                DesiredState state = new DesiredStateResolver(dialect).resolve(dir.toString(), ShadowSpec.SERVER, url,
                        dialect.version(target), InspectScope.ALL);
                Plan plan = new PlanPipeline(dialect, PlanPipeline.Settings.DEFAULT).plan(target, dialect.version(target),
                        dialect.inspector().inspect(target, InspectScope.ALL), state.model(), "target", state.source());
                String text = new PlanTextRenderer().render(plan);
                assertFalse(plan.isEmpty(), text);
                return plan.steps().stream().flatMap(s -> s.safety().checks().stream()).toList();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
