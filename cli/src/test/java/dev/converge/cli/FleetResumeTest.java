package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply --env --resume} continues each tenant's own stopped apply. Two tenant schemas share one
 * database (and so one history): tenant b's apply adds an enum label (committed at once, and
 * PostgreSQL cannot take a label back), then fails on its data, so it stops at the checkpoint after
 * the label; tenant a converges. Once b's data is fixed, --resume continues b's apply (the same
 * history row, from that checkpoint) and leaves a alone.
 */
class FleetResumeTest {
    private static final String V1 = """
            CREATE SCHEMA app;
            CREATE TYPE app.mood AS ENUM ('ok');
            CREATE TABLE app.items (id int PRIMARY KEY, code text, mood app.mood);
            """;

    private static final String V2 = """
            CREATE SCHEMA app;
            CREATE TYPE app.mood AS ENUM ('ok', 'great');
            CREATE TABLE app.items (id int PRIMARY KEY, code text NOT NULL, mood app.mood);
            """;

    @TempDir
    Path dir;

    @Test
    void aTenantStoppedAtACheckpointResumesItsOwnApply() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("fleetresume")) {
            TenantSchemaProject.desired(dir, V1);
            TenantSchemaProject.config(dir, db, "", List.of("a", "b"), 1);
            Cli.Result first = run("apply", "--env", "prod", "--auto-approve").expectExit(0);
            db.execute("INSERT INTO t_a.items VALUES (1, 'x', 'ok'); INSERT INTO t_b.items VALUES (1, NULL, 'ok');");

            TenantSchemaProject.desired(dir, V2);
            Path report = dir.resolve("report.json");
            // Without the pre-checks, b's NOT NULL fails in the apply itself, after its label committed.
            Cli.Result stopped = run("apply", "--env", "prod", "--auto-approve", "--no-data-checks", "--report",
                    report.toString()).expectExit(1);
            JsonNode r = ReportJson.read(report);
            assertEquals("applied", outcome(r, "a"), r.toString());
            assertEquals("failed", outcome(r, "b"), r.toString());
            assertEquals("failed", Cli.value(db, "SELECT status FROM converge.history WHERE target = 'b' ORDER BY id DESC"
                    + " LIMIT 1"), "b stopped at a checkpoint, resumable");
            long stoppedApply = Long.parseLong(Cli.value(db, "SELECT max(id) FROM converge.history WHERE target = 'b'"));
            assertEquals("2", Cli.value(db, "SELECT count(*) FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
                    + " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 't_b'"),
                    "the label stays: it cannot be undone");

            db.execute("UPDATE t_b.items SET code = 'fixed'");
            Cli.Result resumed = run("apply", "--env", "prod", "--auto-approve", "--resume", "--report",
                    report.toString()).expectExit(0);
            r = ReportJson.read(report);
            assertEquals("converged", outcome(r, "a"), r.toString());
            assertEquals("applied", outcome(r, "b"), r.toString());
            assertTrue(message(r, "b").contains("resumed apply #" + stoppedApply), r.toString());
            assertEquals(String.valueOf(stoppedApply), Cli.value(db, "SELECT max(id) FROM converge.history"
                    + " WHERE target = 'b'"), "the stopped apply was continued, not a new one started");
            assertEquals("converged", Cli.value(db, "SELECT status FROM converge.history WHERE id = " + stoppedApply));
            assertEquals("NO", Cli.value(db, "SELECT is_nullable FROM information_schema.columns"
                    + " WHERE table_schema = 't_b' AND table_name = 'items' AND column_name = 'code'"));

            Cli.Result nothing = run("apply", "--env", "prod", "--auto-approve", "--resume", "--report",
                    report.toString());
            assertEquals(0, nothing.exitCode(), "nothing stopped: every tenant is converged\n" + nothing.all());
            assertEquals(2, ReportJson.read(report).get("counts").get("converged").asInt());
        }
    }

    private static String outcome(JsonNode report, String name) {
        return ReportJson.target(report, name).get("outcome").asText();
    }

    private static String message(JsonNode report, String name) {
        return ReportJson.target(report, name).path("message").asText("");
    }

    private Cli.Result run(String... args) {
        return Cli.inProject(dir.resolve("converge.yaml"), args);
    }
}
