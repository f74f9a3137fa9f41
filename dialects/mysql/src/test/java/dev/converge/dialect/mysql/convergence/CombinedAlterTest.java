package dev.converge.dialect.mysql.convergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.PlanTextRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statements behind some convergence cases: clauses of one table combined into one ALTER TABLE
 * with the algorithm and lock pinned, each step still listed with its own classification. The cases
 * converge on the local server (which refuses a pinned algorithm it cannot use); these tests say how.
 */
class CombinedAlterTest {
    private final ConvergenceRunner runner = new ConvergenceRunner();

    private static List<String> statements(Plan plan) {
        return plan.steps().stream().flatMap(s -> s.sql().stream()).toList();
    }

    @Test
    void anAutoIncrementColumnIsAddedInTheStatementThatMakesItsKey() {
        Plan plan = runner.run(ConvergenceCase.named("76-auto-increment-column-added-with-its-key")).plan();
        System.out.println(new PlanTextRenderer().render(plan));
        assertEquals(2, plan.steps().size(), new PlanTextRenderer().render(plan));
        assertEquals(List.of("ALTER TABLE `users` ADD COLUMN `id` bigint(20) NOT NULL AUTO_INCREMENT FIRST,"
                + " ADD PRIMARY KEY (`id`), ALGORITHM=COPY, LOCK=SHARED"), statements(plan));
        PlanStep key = plan.steps().get(1);
        assertTrue(key.isMadeByPreviousStep());
        assertTrue(key.isReversible(), "undone with the step before");
        assertEquals(List.of("ALTER TABLE `users` DROP PRIMARY KEY, DROP COLUMN `id`"),
                plan.steps().get(0).inverse().stream().map(s -> s.sql()).toList());
    }

    @Test
    void aPrimaryKeyOfAnAutoIncrementColumnIsReplacedInOneStatement() {
        Plan plan = runner.run(ConvergenceCase.named("77-primary-key-of-auto-increment-column-extended")).plan();
        System.out.println(new PlanTextRenderer().render(plan));
        assertEquals(List.of("ALTER TABLE `friends` DROP PRIMARY KEY, ADD PRIMARY KEY (`id`,`other_id`),"
                + " ALGORITHM=COPY, LOCK=SHARED"), statements(plan));
    }

    @Test
    void severalChangesOfOneTableAreOneStatement() {
        Plan plan = runner.run(ConvergenceCase.named("79-clauses-of-one-table-combined")).plan();
        String shown = new PlanTextRenderer().render(plan);
        System.out.println(shown);
        assertTrue(plan.steps().size() > statements(plan).size(), shown);
        assertTrue(statements(plan).stream().allMatch(s -> s.contains("ALGORITHM=")), shown);
    }

    @Test
    void fulltextCompressedAndMyisamTablesGetTheAlgorithmsTheyAllow() {
        Plan plan = runner.run(ConvergenceCase.named("80-algorithms-on-fulltext-compressed-and-myisam-tables")).plan();
        System.out.println(new PlanTextRenderer().render(plan));
    }

    @Test
    void aForeignKeyAddedAgainKeepsTheNameOfTheIndexItUses() {
        Plan plan = runner.run(ConvergenceCase.named("88-foreign-key-added-again-keeps-its-index")).plan();
        String shown = new PlanTextRenderer().render(plan);
        assertTrue(statements(plan).contains("ALTER TABLE `posts` RENAME INDEX IF EXISTS `posts_ibfk_1` TO `author_id`"),
                shown);
        assertTrue(statements(plan).contains("ALTER TABLE `posts` RENAME INDEX IF EXISTS `fk_reviewer` TO `by_reviewer`"),
                "a no-op where the server keeps the index: " + shown);
    }
}
