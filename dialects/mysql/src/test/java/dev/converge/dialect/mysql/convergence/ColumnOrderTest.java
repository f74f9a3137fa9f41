package dev.converge.dialect.mysql.convergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.safety.HazardCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Existing columns are moved to the desired order (MODIFY COLUMN ... AFTER/FIRST), the fewest of them:
 * MariaDB 10.4+ does that INSTANT, MySQL rebuilds the table in place. No column-order note is left.
 */
class ColumnOrderTest {
    private final ConvergenceRunner runner = new ConvergenceRunner();

    @Test
    void swappedColumnsAreMovedWithOneStatement() {
        Plan plan = runner.run(ConvergenceCase.named("86-columns-swapped")).plan();
        String shown = new PlanTextRenderer().render(plan);
        assertEquals(1, plan.steps().size(), shown);
        assertTrue(plan.steps().get(0).description().endsWith("move after id")
                || plan.steps().get(0).description().endsWith("move after nickname"), shown);
        assertTrue(plan.steps().get(0).sql().get(0).endsWith(", ALGORITHM=INSTANT"), shown);
        assertTrue(plan.steps().get(0).hazards().stream().noneMatch(h -> h.code() == HazardCode.TABLE_REWRITE), shown);
        assertTrue(plan.notes().isEmpty(), shown);
        assertTrue(plan.steps().get(0).isReversible(), shown);
    }

    @Test
    void movesNewColumnsAndChangesComeOutInTheDesiredOrder() {
        Plan plan = runner.run(ConvergenceCase.named("87-columns-reordered-with-new-and-changed-ones")).plan();
        String shown = new PlanTextRenderer().render(plan);
        System.out.println(shown);
        assertTrue(plan.notes().isEmpty(), shown);
        List<String> moves = plan.steps().stream().map(s -> s.description()).filter(d -> d.contains("move ")).toList();
        assertEquals(4, moves.size(), shown);
    }
}
