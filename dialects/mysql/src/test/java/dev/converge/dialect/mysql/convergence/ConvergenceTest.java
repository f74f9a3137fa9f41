package dev.converge.dialect.mysql.convergence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * ConvergenceTest runs every case under {@code src/test/resources/convergence} through plan and apply
 * against the local MariaDB/MySQL server (see {@link ConvergenceRunner}).
 */
class ConvergenceTest {
    private final ConvergenceRunner runner = new ConvergenceRunner();

    @TestFactory
    Stream<DynamicTest> everyCaseConverges() {
        return ConvergenceCase.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> runner.run(c)));
    }

    @Test
    void thereAreEnoughCases() {
        List<String> names = ConvergenceCase.all().stream().map(ConvergenceCase::name).toList();
        assertTrue(names.size() >= 40, "only " + names.size() + " convergence cases");
    }
}
