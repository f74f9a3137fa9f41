package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void rolloutThroughThreeEnvironments() throws Exception {
        try (FleetProject p = FleetProject.create(dir, 50, 10)) {
            // A fresh prod: every tenant schema is missing, so all 50 share one plan.
            Cli.Result plan = p.run("plan", "--env", "prod", "--detailed-exitcode");
            assertEquals(2, plan.exitCode(), plan.all());
            assertTrue(plan.out().contains("Environment prod: 50 targets"), plan.all());
            assertTrue(plan.out().matches("(?s).*50 targets: plan A \\(\\d+ steps\\).*"), plan.all());
            assertTrue(plan.out().contains("=== Plan A: c001, c002"), plan.all());
            assertTrue(plan.out().contains("CREATE SCHEMA \"t_c001\""), plan.all());
            assertEquals(0, p.prodCount("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't\\_%'"),
                    "plan changes nothing");

            // prod comes after staging, which has not seen this desired state: refused, nothing touched.
            Cli.Result refused = p.run("apply", "--env", "prod", "--auto-approve");
            assertEquals(3, refused.exitCode(), refused.all());
            assertTrue(refused.err().contains("has not been applied successfully to staging (10 of 10 targets lack it"),
                    refused.all());
            assertEquals(0, p.prodCount("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't\\_%'"));

            Cli.Result dev = p.run("apply", "--env", "dev", "--auto-approve");
            assertEquals(0, dev.exitCode(), dev.all());
            Cli.Result staging = p.run("apply", "--env", "staging", "--auto-approve");
            assertEquals(0, staging.exitCode(), staging.all());
            assertTrue(staging.out().contains("[ 1/10] r01 (canary): applied"), staging.all());
            assertEquals(10, p.stagingCount("SELECT to_regclass('app.open_orders') IS NOT NULL"));

            Path report = dir.resolve("reports/prod.json");
            Cli.Result prod = p.run("apply", "--env", "prod", "--auto-approve", "--report", report.toString());
            assertEquals(0, prod.exitCode(), prod.all());
            assertTrue(prod.out().contains("(canary): applied"), prod.all());
            assertTrue(prod.out().matches("(?s).*applied\\s+50\\n.*"), prod.all());
            JsonNode json = JSON.readTree(Files.readString(report));
            assertEquals("prod", json.get("environment").asText());
            assertEquals(50, json.get("counts").get("applied").asInt(), json.toString());
            assertEquals(50, json.get("targets").size());
            assertEquals("c001", json.get("targets").get(0).get("name").asText());
            assertTrue(json.get("targets").get(0).get("canary").asBoolean());
            assertEquals(50, p.prodCount("SELECT count(*) FROM pg_views WHERE viewname = 'open_orders'"
                    + " AND schemaname LIKE 't\\_%'"));

            // A re-run finds every tenant converged and applies nothing.
            Cli.Result again = p.run("apply", "--env", "prod", "--auto-approve", "--report", report.toString());
            assertEquals(0, again.exitCode(), again.all());
            assertEquals(50, JSON.readTree(Files.readString(report)).get("counts").get("converged").asInt(), again.all());
            Cli.Result clean = p.run("plan", "--env", "prod", "--detailed-exitcode");
            assertEquals(0, clean.exitCode(), clean.all());
            assertTrue(clean.out().contains("50 targets: no changes"), clean.all());
        }
    }

    static List<String> names(JsonNode targets, String outcome) {
        List<String> out = new ArrayList<>();
        targets.forEach(t -> {
            if (t.get("outcome").asText().equals(outcome)) {
                out.add(t.get("name").asText());
            }
        });
        return out;
    }
}
