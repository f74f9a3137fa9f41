package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole fleet on the local PostgreSQL, through the command line: dev (one database), staging (10
 * tenant databases) and prod (50 tenant schemas, discovered). Promotion gates, canary, grouping,
 * reports, re-runs, drift, an injected failure under stop / continue / failure budget, and the
 * status matrix.
 */
class FleetEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void rolloutThroughThreeEnvironments() throws Exception {
        try (FleetProject p = FleetProject.create(dir, 50, 10)) {
            // A fresh prod: every tenant schema is missing, so all 50 share one plan.
            Cli.Result plan = p.run("plan", "--env", "prod", "--detailed-exitcode").expectExit(2);
            assertTrue(plan.out().contains("Environment prod: 50 targets"), plan.all());
            assertTrue(plan.out().matches("(?s).*50 targets: plan A \\(\\d+ steps\\).*"), plan.all());
            assertTrue(plan.out().contains("=== Plan A: c001, c002"), plan.all());
            assertTrue(plan.out().contains("CREATE SCHEMA \"t_c001\""), plan.all());
            assertEquals(0, p.prodCount("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't\\_%'"),
                    "plan changes nothing");

            // prod comes after staging, which has not seen this desired state: refused, nothing touched.
            Cli.Result refused = p.run("apply", "--env", "prod", "--auto-approve").expectExit(3);
            assertTrue(refused.err().contains("has not been applied successfully to staging (10 of 10 targets lack it"),
                    refused.all());
            assertEquals(0, p.prodCount("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't\\_%'"));

            p.run("apply", "--env", "dev", "--auto-approve").expectExit(0);
            Cli.Result staging = p.run("apply", "--env", "staging", "--auto-approve").expectExit(0);
            assertTrue(staging.out().contains("[ 1/10] r01 (canary): applied"), staging.all());
            assertEquals(10, p.stagingCount("SELECT to_regclass('app.open_orders') IS NOT NULL"));

            Path report = dir.resolve("reports/prod.json");
            Cli.Result prod = p.run("apply", "--env", "prod", "--auto-approve", "--report", report.toString())
                    .expectExit(0);
            assertTrue(prod.out().contains("(canary): applied"), prod.all());
            assertTrue(prod.out().matches("(?s).*applied\\s+50\\n.*"), prod.all());
            JsonNode json = ReportJson.read(report);
            assertEquals("prod", json.get("environment").asText());
            assertEquals(50, json.get("counts").get("applied").asInt(), json.toString());
            assertEquals(50, json.get("targets").size());
            assertEquals("c001", json.get("targets").get(0).get("name").asText());
            assertTrue(json.get("targets").get(0).get("canary").asBoolean());
            assertEquals(50, p.prodCount("SELECT count(*) FROM pg_views WHERE viewname = 'open_orders'"
                    + " AND schemaname LIKE 't\\_%'"));

            // A re-run finds every tenant converged and applies nothing.
            Cli.Result again = p.run("apply", "--env", "prod", "--auto-approve", "--report", report.toString())
                    .expectExit(0);
            assertEquals(50, ReportJson.read(report).get("counts").get("converged").asInt(), again.all());
            Cli.Result clean = p.run("plan", "--env", "prod", "--detailed-exitcode").expectExit(0);
            assertTrue(clean.out().contains("50 targets: no changes"), clean.all());

            driftIsToldApartFromPending(p);
            failuresUnderCanaryStopBudgetAndContinue(p, report);
            promotionOverrideIsRecorded(p);
            statusMatrixAndDiff(p);
            savedFleetPlanHoldsEachTargetToItsFingerprint(p, report);
        }
    }

    /** plan --env --out saves a fingerprint per tenant; apply of that file refuses what changed since. */
    private void savedFleetPlanHoldsEachTargetToItsFingerprint(FleetProject p, Path report) throws Exception {
        Path saved = dir.resolve("staging-plan.json");
        p.run("plan", "--env", "staging", "--out", saved.toString()).expectExit(0);
        JsonNode json = ReportJson.read(saved);
        assertEquals(10, json.get("targets").size(), json.toString());
        assertTrue(json.get("targets").get(0).get("currentFingerprint").asText().matches("[0-9a-f]{64}"));

        String desired = Files.readString(dir.resolve("schema/app.sql"));
        p.desired(desired + "-- one more comment changes the desired-state hash\n");
        Cli.Result moved = p.run("apply", saved.toString(), "--env", "staging", "--auto-approve").expectExit(3);
        assertTrue(moved.err().contains("the desired state changed since it was made"), moved.all());
        p.desired(desired);
        assertEquals(0, p.run("apply", "--env", "dev", "--auto-approve").exitCode(), "promotion: dev first");

        p.stagingSql("r03", "CREATE TABLE app.by_hand (id int)");
        Cli.Result apply = p.run("apply", saved.toString(), "--env", "staging", "--auto-approve", "--report",
                report.toString()).expectExit(3); // refused (stale), none failed
        JsonNode r = ReportJson.read(report);
        assertEquals(List.of("r03"), ReportJson.targets(r, "refused"), r.toString());
        assertTrue(ReportJson.targets(r, "applied").contains("r01"), r.toString());
        assertEquals(9, ReportJson.targets(r, "applied").size() + ReportJson.targets(r, "not_started").size(),
                "staging stops at the first refusal (on_error: stop); the tenants already running finish");
        assertTrue(r.get("stopReason").asText().startsWith("r03 refused"), r.toString());
        assertTrue(apply.out().contains("changed since the saved plan was made"), apply.all());
    }

    /** A hot fix in three prod tenants is drift: reported as such, grouped apart in the plan. */
    private void driftIsToldApartFromPending(FleetProject p) throws Exception {
        for (String t : List.of("c005", "c006", "c007")) {
            p.prodSql("ALTER TABLE t_" + t + ".orders ALTER COLUMN total SET DEFAULT 1");
        }
        Cli.Result plan = p.run("plan", "--env", "prod").expectExit(0);
        assertTrue(plan.out().contains("47 targets: no changes"), plan.all());
        assertTrue(plan.out().contains("3 targets: plan A (1 step), 3 drifted (see below)"), plan.all());
        assertTrue(plan.out().contains("=== Drifted: changed outside Converge since their last apply"), plan.all());

        Cli.Result drift = p.run("drift", "--env", "prod").expectExit(4);
        assertTrue(drift.out().contains("c005: drifted since the apply of"), drift.all());
        assertTrue(drift.out().matches("(?s).*in sync\\s+47\\n.*"), drift.all());
        JsonNode json = ReportJson.parse(p.run("drift", "--env", "prod", "--format", "json").out());
        assertEquals(3, json.get("counts").get("drifted").asInt(), json.toString());
        assertEquals(47, json.get("counts").get("in_sync").asInt(), json.toString());

        // The desired state moves on (v2) through dev and staging: prod is now pending, and the three
        // hot-fixed tenants are drifted and pending.
        p.desired(FleetProject.V2);
        p.run("apply", "--env", "dev", "--auto-approve").expectExit(0);
        p.run("apply", "--env", "staging", "--auto-approve").expectExit(0);
        JsonNode moved = ReportJson.parse(p.run("drift", "--env", "prod", "--format", "json").out());
        assertEquals(47, moved.get("counts").get("pending").asInt(), moved.toString());
        assertEquals(3, moved.get("counts").get("drifted_and_pending").asInt(), moved.toString());
        p.run("drift", "--env", "staging").expectExit(0);
    }

    /** Duplicate codes make the unique index of v2 fail in c020, c030 and c031. */
    private void failuresUnderCanaryStopBudgetAndContinue(FleetProject p, Path report) throws Exception {
        for (String t : List.of("c020", "c030", "c031")) {
            p.prodSql("INSERT INTO t_" + t + ".customers (name) VALUES ('dup');"
                    + "INSERT INTO t_" + t + ".orders (customer_id, code) SELECT id, 'X' FROM t_" + t + ".customers;"
                    + "INSERT INTO t_" + t + ".orders (customer_id, code) SELECT id, 'X' FROM t_" + t + ".customers;");
        }
        // The data pre-check of the canary finds the duplicates: it is refused, and the rollout stops
        // before any other tenant.
        p.config("parallelism: 4\n      canary: [c020]\n      on_error: continue\n      failure_budget: 10");
        Cli.Result canary = p.run("apply", "--env", "prod", "--auto-approve", "--report", report.toString())
                .expectExit(3); // refused, as for one target
        JsonNode r = ReportJson.read(report);
        assertEquals(List.of("c020"), ReportJson.targets(r, "refused"), r.toString());
        assertEquals(49, ReportJson.targets(r, "not_started").size(), r.toString());
        assertTrue(r.get("stopReason").asText().startsWith("canary c020 refused"), r.toString());
        assertTrue(canary.out().contains("will fail: "), canary.all());
        assertEquals(0, p.prodCount("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_code'"));

        // Without the pre-checks the failures happen in the apply (rolled back, then undone): on_error
        // stop, one at a time: everything before c020 is applied, nothing after it starts.
        p.config("parallelism: 1\n      on_error: stop");
        Cli.Result stop = p.run("apply", "--env", "prod", "--auto-approve", "--no-data-checks", "--report",
                report.toString()).expectExit(1);
        r = ReportJson.read(report);
        assertEquals(19, ReportJson.targets(r, "applied").size(), r.toString());
        assertEquals(List.of("c020"), ReportJson.targets(r, "failed"));
        assertEquals(30, ReportJson.targets(r, "not_started").size());
        assertTrue(stop.out().contains("Rollout stopped: c020 failed (on_error: stop)"), stop.all());

        // continue with a budget of one failure: c020 is within it, c030 is one too many.
        p.config("parallelism: 1\n      on_error: continue\n      failure_budget: 1");
        p.run("apply", "--env", "prod", "--auto-approve", "--no-data-checks", "--report",
                report.toString()).expectExit(1);
        r = ReportJson.read(report);
        assertEquals(19, ReportJson.targets(r, "converged").size(), r.toString());
        assertEquals(9, ReportJson.targets(r, "applied").size(), r.toString());
        assertEquals(List.of("c020", "c030"), ReportJson.targets(r, "failed"));
        assertEquals(20, ReportJson.targets(r, "not_started").size());

        // continue within budget, in parallel: every healthy tenant converges, the three fail.
        p.config("parallelism: 4\n      on_error: continue\n      failure_budget: 5");
        Cli.Result cont = p.run("apply", "--env", "prod", "--auto-approve", "--no-data-checks", "--report",
                report.toString()).expectExit(1);
        r = ReportJson.read(report);
        assertEquals(List.of("c020", "c030", "c031"), ReportJson.targets(r, "failed"), r.toString());
        assertEquals(47, ReportJson.targets(r, "applied").size() + ReportJson.targets(r, "converged").size());
        assertTrue(cont.out().matches("(?s).*\\n  c030 +failed +apply #\\d+ failed at step .*"), cont.all());
        assertEquals(47, p.prodCount("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_code'"));

        // The data fixed, a re-run converges the three and skips the rest.
        for (String t : List.of("c020", "c030", "c031")) {
            p.prodSql("DELETE FROM t_" + t + ".orders");
        }
        p.run("apply", "--env", "prod", "--auto-approve", "--report", report.toString()).expectExit(0);
        r = ReportJson.read(report);
        assertEquals(List.of("c020", "c030", "c031"), ReportJson.targets(r, "applied"), r.toString());
        assertEquals(47, ReportJson.targets(r, "converged").size());
        p.run("drift", "--env", "prod").expectExit(0);
    }

    /** prod refuses a desired state staging has not had; the override goes into every target's history. */
    private void promotionOverrideIsRecorded(FleetProject p) throws Exception {
        p.desired(FleetProject.V2 + "ALTER TABLE app.customers ADD COLUMN vip boolean NOT NULL DEFAULT false;\n");
        p.run("apply", "--env", "prod", "--auto-approve").expectExit(3);
        assertEquals(0, p.prodCount("SELECT count(*) FROM information_schema.columns WHERE column_name = 'vip'"));
        Cli.Result forced = p.run("apply", "--env", "prod", "--auto-approve", "--skip-promotion-check").expectExit(0);
        assertTrue(forced.out().contains("Recorded in history: promotion check skipped by "), forced.all());
        assertEquals(50, p.prodCount("SELECT count(*) FROM converge.history WHERE environment = 'prod'"
                + " AND remark LIKE 'promotion check skipped by %: 10 of 10 targets of staging lacked this desired state'"));
    }

    /** The matrix shows every environment; diff compares a staging tenant with a prod tenant. */
    private void statusMatrixAndDiff(FleetProject p) throws Exception {
        Cli.Result status = p.run("status").expectExit(0);
        String[] lines = status.out().split("\n");
        assertTrue(lines[0].startsWith("ENVIRONMENT"), status.all());
        assertTrue(status.out().matches("(?s).*\\ndev +dev +\\w{12}\\* .* pending\\n.*"), status.all());
        assertTrue(status.out().matches("(?s).*\\nstaging +r01 .* pending\\n.*"), status.all());
        assertTrue(status.out().matches("(?s).*\\nprod +50 targets +\\w{12} .* converged +in sync\\n.*"), status.all());
        JsonNode json = ReportJson.parse(p.run("status", "--format", "json").out());
        assertEquals(3, json.get("environments").size());
        assertEquals("prod", json.get("environments").get(2).get("name").asText());
        assertEquals(50, json.get("environments").get(2).get("targets").size());

        Cli.Result diff = p.run("diff", "--from", "env:staging/r01", "--to", "env:prod/c001", "--detailed-exitcode")
                .expectExit(2);
        assertTrue(diff.out().contains("t_c001.customers.vip"), diff.all());
        assertTrue(diff.out().contains("1 to destroy"), diff.all());
        p.run("diff", "--from", "env:prod/c001", "--to", "env:prod/c002", "--detailed-exitcode").expectExit(0);
    }
}
