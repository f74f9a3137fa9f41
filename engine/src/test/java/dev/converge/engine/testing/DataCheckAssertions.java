package dev.converge.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.spi.PlanAnnotator;
import java.time.Duration;
import java.util.List;

/**
 * The contract of a data pre-check, the same on every dialect: on rows that break the step, one check
 * fails with the count of such rows, says the query it ran, shows no row value unless asked, and marks
 * the step failing; asked, it keeps one example, which its description still never shows; on rows that
 * fit, every check ran and passed.
 */
public final class DataCheckAssertions {
    /** Planning options that ask for an example row (and allow the probes the time and rows they need). */
    public static final PlanAnnotator.Options WITH_EXAMPLES =
            new PlanAnnotator.Options(true, Duration.ofSeconds(10), 1_000_000, true);

    private DataCheckAssertions() {
    }

    /** Every data check of every step of {@code plan}. */
    public static List<DataCheck> checks(Plan plan) {
        return plan.steps().stream().flatMap(s -> s.safety().checks().stream()).toList();
    }

    /** {@code plan} (made without asking for examples) has one failing check, of {@code count} rows, and a failing step. */
    public static void assertFailing(String name, Plan plan, long count) {
        List<DataCheck> failed = checks(plan).stream().filter(DataCheck::failed).toList();
        assertEquals(1, failed.size(), name + ": " + checks(plan));
        assertEquals(count, failed.get(0).count(), name);
        assertEquals(null, failed.get(0).example(), name + ": no row value unless asked");
        String described = failed.get(0).describe();
        assertTrue(described.startsWith("will fail: "), described);
        assertTrue(described.contains(" with: SELECT ") && described.contains(failed.get(0).query()), described);
        assertTrue(plan.steps().stream().anyMatch(PlanStep::isFailing), name);
    }

    /** {@code asked} (made {@link #WITH_EXAMPLES}) keeps {@code example} on its failing check, and never describes it. */
    public static void assertExampleKeptButNeverShown(String name, Plan asked, String example) {
        DataCheck withValue = checks(asked).stream().filter(DataCheck::failed).findFirst().orElseThrow();
        assertEquals(example, withValue.example(), name);
        assertFalse(withValue.describe().contains(example), "describe never shows the row: " + withValue.describe());
    }

    /** {@code plan} probed its step and every check passed: no step is failing. */
    public static void assertPassing(String name, Plan plan) {
        List<DataCheck> checks = checks(plan);
        assertFalse(checks.isEmpty(), name + ": the step was not probed");
        assertTrue(checks.stream().allMatch(c -> c.outcome() == DataCheck.Outcome.PASSED), name + ": " + checks);
        assertTrue(plan.steps().stream().noneMatch(PlanStep::isFailing), name);
    }
}
