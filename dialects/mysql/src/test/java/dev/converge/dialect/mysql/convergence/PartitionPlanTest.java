package dev.converge.dialect.mysql.convergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.safety.HazardCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How partitioning changes are made, on convergence cases that the local server applies: partitions
 * added and dropped by name where the rest stays, counted partitions added and coalesced, anything
 * else partitioned anew; a dropped partition loses its rows and cannot be undone.
 */
class PartitionPlanTest {
    private final ConvergenceRunner runner = new ConvergenceRunner();

    private Plan plan(String name) {
        Plan plan = runner.run(ConvergenceCase.named(name)).plan();
        System.out.println(new PlanTextRenderer().render(plan));
        return plan;
    }

    private static List<String> statements(Plan plan) {
        return plan.steps().stream().flatMap(s -> s.sql().stream()).toList();
    }

    @Test
    void rangePartitionsAreAddedAtTheEnd() {
        Plan plan = plan("81-range-partition-added");
        assertTrue(statements(plan).contains("ALTER TABLE `sales_history` ADD PARTITION (PARTITION `p2024` VALUES LESS"
                + " THAN (2025), PARTITION `p2025` VALUES LESS THAN (2026))"), statements(plan).toString());
    }

    @Test
    void aDroppedListPartitionLosesItsRowsAndCannotBeUndone() {
        Plan plan = plan("82-list-partition-dropped");
        PlanStep drop = plan.steps().stream().filter(s -> s.sql().stream().anyMatch(q -> q.contains("DROP PARTITION")))
                .findFirst().orElseThrow();
        assertEquals(List.of("ALTER TABLE `regional_sales` DROP PARTITION `p_south`",
                "ALTER TABLE `regional_sales` ADD PARTITION (PARTITION `p_west` VALUES IN (NULL,10))"), drop.sql());
        assertTrue(drop.hazards().stream().anyMatch(h -> h.code() == HazardCode.DATA_LOSS));
        assertFalse(drop.isReversible());
    }

    @Test
    void hashPartitionsAreCountedAndOtherMethodsPartitionAnew() {
        List<String> sql = statements(plan("83-hash-and-key-partition-counts"));
        assertTrue(sql.contains("ALTER TABLE `events` ADD PARTITION PARTITIONS 2"), sql.toString());
        assertTrue(sql.contains("ALTER TABLE `sessions` COALESCE PARTITION 2"), sql.toString());
        assertTrue(sql.contains("ALTER TABLE `clicks` PARTITION BY KEY (`id`,`at`) PARTITIONS 2"), sql.toString());
    }

    @Test
    void tablesArePartitionedAnewAndUnpartitioned() {
        List<String> sql = statements(plan("84-tables-partitioned-and-unpartitioned"));
        assertTrue(sql.contains("ALTER TABLE `archive` REMOVE PARTITIONING"), sql.toString());
        assertTrue(sql.stream().anyMatch(s -> s.startsWith("ALTER TABLE `metrics` PARTITION BY RANGE COLUMNS(`day`,`host`)")),
                sql.toString());
    }

    @Test
    void redefinedRangePartitionsPartitionTheTableAnewKeepingItsRows() {
        Plan plan = plan("85-range-partitions-redefined");
        assertEquals(List.of("ALTER TABLE `readings` PARTITION BY RANGE (`y`) (PARTITION `p1` VALUES LESS THAN (10),"
                + " PARTITION `p2a` VALUES LESS THAN (15), PARTITION `p2` VALUES LESS THAN (20), PARTITION `p3` VALUES"
                + " LESS THAN MAXVALUE)"), statements(plan));
        assertTrue(plan.steps().get(0).hazards().stream().noneMatch(h -> h.code() == HazardCode.DATA_LOSS));
    }
}
