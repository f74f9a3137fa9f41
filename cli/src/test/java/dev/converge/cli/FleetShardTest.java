package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --shard K/N} on the local PostgreSQL, through the command line: three jobs plan and apply
 * their share of 12 tenant schemas (the split is the documented hash of each tenant's name, disjoint
 * and complete), each writes its report, and {@code report merge} joins them into the fleet's. The
 * applies go through the fleet's locked batches (one bulk inspection under the tenants' locks, one
 * bulk convergence check), whose verdict each tenant's history row records.
 */
class FleetShardTest {
    @TempDir
    Path dir;

    @Test
    void threeShardsPlanApplyAndMergeIntoOneFleet() throws Exception {
        try (FleetProject p = FleetProject.create(dir, 12, 1)) {
            p.run("apply", "--env", "dev", "--auto-approve").expectExit(0);
            p.run("apply", "--env", "staging", "--auto-approve").expectExit(0);

            TreeSet<String> planned = new TreeSet<>();
            for (int k = 1; k <= 3; k++) {
                Cli.Result plan = p.run("plan", "--env", "prod", "--shard", k + "/3", "--format", "json").expectExit(0);
                assertTrue(plan.err().contains("(shard " + k + "/3 of 12 targets)"), plan.all());
                JsonNode json = ReportJson.parse(plan.out());
                assertEquals(k + "/3", json.get("shard").asText());
                for (JsonNode t : json.get("targets")) {
                    String name = t.get("name").asText();
                    assertEquals(k, shardOf(name, 3), name + " is planned by the shard its hash names");
                    assertTrue(planned.add(name), name + " is in one shard only");
                }
            }
            assertEquals(new TreeSet<>(p.prodTenants), planned, "the shards together are the whole environment");

            List<String> reports = new ArrayList<>(List.of("report", "merge"));
            for (int k = 1; k <= 3; k++) {
                Path report = dir.resolve("shard-" + k + ".json");
                p.run("apply", "--env", "prod", "--shard", k + "/3", "--auto-approve",
                        "--report", report.toString()).expectExit(0);
                reports.add(report.toString());
            }
            assertEquals(12, p.prodCount("SELECT count(*) FROM pg_views WHERE viewname = 'open_orders'"
                    + " AND schemaname LIKE 't\\_%'"));
            // Checked in bulk after each batch, and recorded as such in every tenant's history row.
            assertEquals(12, p.prodCount("SELECT count(DISTINCT target) FROM converge.history"
                    + " WHERE environment = 'prod' AND status = 'converged' AND outcome = 'converged'"));
            assertEquals(0, p.prodCount("SELECT count(*) FROM converge.history WHERE status <> 'converged'"));

            Path merged = dir.resolve("fleet.json");
            List<String> mergeArgs = new ArrayList<>(reports);
            mergeArgs.addAll(List.of("--out", merged.toString()));
            Cli.Result merge = Cli.run(mergeArgs.toArray(new String[0])).expectExit(0);
            assertTrue(merge.out().matches("(?s).*applied\\s+12\\n.*"), merge.all());
            JsonNode fleet = ReportJson.read(merged);
            assertEquals("prod", fleet.get("environment").asText());
            assertEquals(12, fleet.get("counts").get("applied").asInt(), fleet.toString());
            assertEquals(p.prodTenants, ReportJson.targets(fleet, "applied"));
            assertTrue(fleet.get("targets").get(0).get("canary").asBoolean(), "c001, the canary, ran in its shard");

            Cli.Result missing = Cli.run("report", "merge", reports.get(3), reports.get(4)).expectExit(64);
            assertTrue(missing.err().contains("the report of shard 1/3 is missing"), missing.all());
            Cli.Result twice = Cli.run("report", "merge", reports.get(2), reports.get(3), reports.get(4),
                    reports.get(3)).expectExit(64);
            assertTrue(twice.err().contains("shard 2/3 is given twice"), twice.all());

            Cli.Result noEnv = Cli.run("plan", "--url", "postgresql://x@127.0.0.1/x", "--desired", "schema",
                    "--shard", "1/2").expectExit(64);
            Cli.Result outOfRange = p.run("plan", "--env", "prod", "--shard", "4/3").expectExit(64);
            assertTrue(outOfRange.err().contains("--shard takes K/N with 1 <= K <= N, not 4/3"), outOfRange.all());
        }
    }

    /** The split as docs/environments.md documents it, computed here on its own. */
    private static int shardOf(String name, int count) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xff);
        }
        return 1 + (int) Long.remainderUnsigned(h, count);
    }
}
