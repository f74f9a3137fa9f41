package dev.converge.engine.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.apply.StatementRunner;
import dev.converge.engine.project.Policy;
import dev.converge.engine.spi.SessionTimeouts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetRunnerTest {
    @Test
    void theEnvironmentsTimeoutsReachTheStatementRunner() {
        StatementRunner.Settings set = Fleet.runner(new Policy(List.of(), false, Duration.ofSeconds(3),
                Duration.ofMinutes(2)), SessionTimeouts.NONE).settings();
        assertEquals(Duration.ofSeconds(3), set.lockTimeout());
        assertEquals(Duration.ofMinutes(2), set.statementTimeout());
        StatementRunner.Settings unset = Fleet.runner(Policy.DEFAULT, SessionTimeouts.NONE).settings();
        assertEquals(StatementRunner.Settings.DEFAULT, unset);
    }
}
