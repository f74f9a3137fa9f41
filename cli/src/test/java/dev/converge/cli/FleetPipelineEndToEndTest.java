package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fleet plans are made by the same pipeline as a single plan: on three tenant schemas of the local
 * PostgreSQL, a {@code converge:renamed-from} renames a column in every tenant and keeps its rows,
 * tables matched by {@code .convergeignore} and by converge.yaml's {@code ignore} are left alone (not
 * dropped, not drift, no obstacle to convergence), the new index of an existing table is built CONCURRENTLY, steps name the file and
 * line that declare their object, and a NOT NULL over NULLs in one tenant is caught by that tenant's
 * data pre-check: that tenant alone is refused (within the failure budget), the others are applied.
 */
class FleetPipelineEndToEndTest {
    private static final String V1 = """
            CREATE SCHEMA app;
            CREATE TABLE app.items (
                id int PRIMARY KEY,
                title text,
                code text
            );
            """;

    private static final String V2 = """
            CREATE SCHEMA app;
            CREATE TABLE app.items (
                id int PRIMARY KEY,
                -- converge:renamed-from title
                name text,
                code text NOT NULL
            );
            CREATE INDEX items_name ON app.items (name);
            """;

    @TempDir
    Path dir;

    @Test
    void eachTenantIsPlannedAsASinglePlanWouldBe() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("fleetpipe")) {
            TenantSchemaProject.desired(dir, V1);
            Files.writeString(dir.resolve("schema/.convergeignore"), "# owned by the audit service\naudit_*\n");
            TenantSchemaProject.config(dir, db, "ignore: [app.scratch_*]\n", List.of("a", "b", "c"), 2);
            Cli.Result first = run("apply", "--env", "prod", "--auto-approve").expectExit(0);

            for (String t : List.of("a", "b", "c")) {
                db.execute("CREATE TABLE t_" + t + ".audit_log (at timestamptz, what text);"
                        + "CREATE TABLE t_" + t + ".scratch_1 (x int);"
                        + "INSERT INTO t_" + t + ".items VALUES (1, 'title of " + t + "', "
                        + (t.equals("b") ? "NULL" : "'code'") + ");");
            }
            TenantSchemaProject.desired(dir, V2);

            Cli.Result plan = run("plan", "--env", "prod").expectExit(0);
            assertTrue(plan.out().contains("2 targets: plan A"), plan.all());
            assertTrue(plan.out().contains("1 target: plan B"), plan.all());
            assertTrue(plan.out().contains("rename column t_a.items.title to name"), plan.all());
            assertTrue(plan.out().contains("CREATE INDEX CONCURRENTLY"), plan.all());
            assertTrue(plan.out().matches("(?s).*declared at \\S*schema/app\\.sql:6\n.*"), plan.all());
            assertTrue(plan.out().contains("will fail: 1 row"), plan.all());
            assertFalse(plan.out().contains("audit_log"), "an ignored table is not in any plan:\n" + plan.all());
            assertFalse(plan.out().contains("scratch_1"), "nor one ignored in converge.yaml:\n" + plan.all());

            Path report = dir.resolve("report.json");
            Cli.Result apply = run("apply", "--env", "prod", "--auto-approve", "--report", report.toString())
                    .expectExit(3); // refused, as for one target
            JsonNode r = ReportJson.read(report);
            assertEquals(List.of("a", "c"), ReportJson.targets(r, "applied"), r.toString());
            assertEquals(List.of("b"), ReportJson.targets(r, "refused"), r.toString());
            assertTrue(apply.out().contains("will fail: 1 row"), apply.all());

            assertEquals("title of a", Cli.value(db, "SELECT name FROM t_a.items WHERE id = 1"), "the rename kept the row");
            assertEquals("title of c", Cli.value(db, "SELECT name FROM t_c.items WHERE id = 1"));
            assertEquals("title of b", Cli.value(db, "SELECT title FROM t_b.items WHERE id = 1"), "b was not touched");
            assertEquals("3", Cli.value(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'audit_log'"),
                    "the ignored tables were left alone");
            assertEquals("3", Cli.value(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'scratch_1'"));
            assertEquals("2", Cli.value(db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'items_name'"));
            assertEquals("0", Cli.value(db, "SELECT count(*) FROM pg_index WHERE NOT indisvalid"));

            Cli.Result drift = run("drift", "--env", "prod", "--format", "json");
            assertEquals(2, drift.exitCode(), "pending in b, no drift (the ignored tables are not drift):\n"
                    + drift.all());
            JsonNode counts = ReportJson.parse(drift.out()).get("counts");
            assertEquals(2, counts.get("in_sync").asInt(), counts.toString());
            assertEquals(1, counts.get("pending").asInt(), counts.toString());

            // Once b's data is fixed, a re-run applies b and leaves a and c alone.
            db.execute("UPDATE t_b.items SET code = 'fixed' WHERE code IS NULL");
            Cli.Result rerun = run("apply", "--env", "prod", "--auto-approve", "--report", report.toString())
                    .expectExit(0);
            JsonNode again = ReportJson.read(report);
            assertEquals(List.of("b"), ReportJson.targets(again, "applied"), again.toString());
            assertEquals(List.of("a", "c"), ReportJson.targets(again, "converged"), again.toString());
            assertEquals("title of b", Cli.value(db, "SELECT name FROM t_b.items WHERE id = 1"));
            Cli.Result clean = run("plan", "--env", "prod", "--detailed-exitcode").expectExit(0);
        }
    }

    private Cli.Result run(String... args) {
        return Cli.inProject(dir.resolve("converge.yaml"), args);
    }
}
