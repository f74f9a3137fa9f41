package dev.converge.engine.testing;

import static dev.converge.engine.testing.DataCheckAssertions.WITH_EXAMPLES;
import static dev.converge.engine.testing.DataCheckAssertions.assertExampleKeptButNeverShown;
import static dev.converge.engine.testing.DataCheckAssertions.assertFailing;
import static dev.converge.engine.testing.DataCheckAssertions.assertPassing;
import static dev.converge.engine.testing.DataCheckAssertions.checks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.plan.Plan;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.spi.PlanAnnotator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each data pre-check of a dialect against real rows: once with data that makes the step fail (see
 * {@link DataCheckAssertions#assertFailing}) and once with data that does not. A dialect's test extends
 * this with a static {@code cases()} giving, per check: a name, the current state with rows that
 * violate, the same with rows that fit, the desired state, the count of violating rows, and the example
 * value the check keeps when asked. A spent time budget skips the probes, the same on every dialect.
 */
public abstract class DataPreChecksContract {
    /** A target database built from a current state, planned towards one desired state. */
    @FunctionalInterface
    public interface Target extends AutoCloseable {
        /** The annotated plan, with these options for the data checks. */
        Plan plan(PlanAnnotator.Options options) throws Exception;

        @Override
        default void close() {
        }
    }

    /** A fresh target holding {@code current} (schema and rows), planned towards {@code desired}. */
    protected abstract Target target(String current, String desired) throws Exception;

    /** A target whose table {@code t} has a NULL in column {@code n}, planned towards {@code n NOT NULL}. */
    protected abstract Target nullMadeNotNull() throws Exception;

    @Test
    void aSpentBudgetSkipsTheProbesAndSaysSo() throws Exception {
        try (Target target = nullMadeNotNull()) {
            DataCheck check = checks(target.plan(new PlanAnnotator.Options(true, Duration.ZERO, 1000))).get(0);
            assertEquals(DataCheck.Outcome.SKIPPED, check.outcome(), check.toString());
            assertTrue(check.describe().contains("time budget"), check.describe());
        }
    }

    @ParameterizedTest(name = "{0}: fails")
    @MethodSource("cases")
    void dataThatViolatesMarksTheStepFailing(String name, String violating, String fine, String desired, long count,
                                             String example) throws Exception {
        try (Target target = target(violating, desired)) {
            assertFailing(name, target.plan(PlanAnnotator.Options.DEFAULT), count);
            assertExampleKeptButNeverShown(name, target.plan(WITH_EXAMPLES), example);
        }
    }

    @ParameterizedTest(name = "{0}: passes")
    @MethodSource("cases")
    void dataThatFitsPassesTheCheck(String name, String violating, String fine, String desired, long count,
                                    String example) throws Exception {
        try (Target target = target(fine, desired)) {
            assertPassing(name, target.plan(PlanAnnotator.Options.DEFAULT));
        }
    }
}
