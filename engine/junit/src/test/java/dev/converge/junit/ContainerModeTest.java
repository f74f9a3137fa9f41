package dev.converge.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.converge.junit.ContainerModeTest.InAContainer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.testcontainers.DockerClientFactory;

/**
 * The container mode, run through the JUnit test kit: where a Docker engine answers, the test in a
 * PostgreSQL container passes; where none does (this machine), it is skipped with a message that
 * says why, and is neither failed nor silently passed.
 */
class ContainerModeTest {
    @Test
    void aContainerDatabaseOrAVisibleSkip() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(InAContainer.class)).execute()
                .testEvents();
        if (DockerClientFactory.instance().isDockerAvailable()) {
            assertEquals(1, tests.succeeded().count(), tests.toString());
        } else {
            System.err.println("SKIPPED: no Docker engine here: the container mode was checked to skip, not run");
            Events aborted = EngineTestKit.engine("junit-jupiter").selectors(selectClass(InAContainer.class)).execute()
                    .containerEvents().aborted();
            assertEquals(1, aborted.count(), "the class is skipped (aborted), not failed");
            String reason = aborted.list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage)
                    .orElse("");
            assertTrue(reason.contains("SKIPPED: @ConvergeDatabase(mode = CONTAINER) needs a Docker engine"), reason);
            assertEquals(0, tests.failed().count());
        }
    }

    /** Run only through the test kit above (its name keeps surefire from picking it up alone). */
    @ConvergeDatabase(desired = "src/test/resources/pg-schema", mode = ConvergeDatabase.Mode.CONTAINER)
    static class InAContainer {
        @Test
        void holdsTheSchema(TestDatabase db) throws SQLException {
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM orders")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }
}
