package dev.converge.engine.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fleet JSON documents open the same way, plan or apply report: format, environment, shard, desired state. */
class FleetReportsJsonTest {
    private static final String OPENING_OF_SHARD = "{\n  \"formatVersion\" : 1,\n  \"environment\" : \"prod\",\n"
            + "  \"shard\" : \"2/3\",\n  \"desiredHash\" : \"abc\",\n";

    @Test
    void aShardsPlanAndApplyReportSayWhichShardTheyAre() {
        String plan = FleetReports.planJson(new FleetPlan("prod", "abc", "schema/", List.of()), new Shard(2, 3));
        String report = FleetReports.applyReport(new FleetApplyResult("prod", "abc", Instant.EPOCH, 5, List.of(), null,
                null), new Shard(2, 3));

        assertTrue(plan.startsWith(OPENING_OF_SHARD), plan);
        assertTrue(report.startsWith(OPENING_OF_SHARD), report);
    }

    @Test
    void theWholeEnvironmentNamesNoShard() {
        String plan = FleetReports.planJson(new FleetPlan("prod", "abc", "schema/", List.of()));

        assertTrue(plan.startsWith("{\n  \"formatVersion\" : 1,\n  \"environment\" : \"prod\",\n  \"desiredHash\" : \"abc\",\n"),
                plan);
    }
}
