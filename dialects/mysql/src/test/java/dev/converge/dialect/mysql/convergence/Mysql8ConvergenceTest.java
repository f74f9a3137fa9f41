package dev.converge.dialect.mysql.convergence;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.converge.dialect.mysql.testing.LocalMysql;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The MySQL convergence suite (every case of {@link ConvergenceCase#all()}) against real MySQL 8.0
 * and 8.4 servers started by Testcontainers. Where no Docker engine answers (this machine), each
 * version is skipped with a message saying so; only MariaDB 10.11 is then tested here.
 */
@Tag("slow")
class Mysql8ConvergenceTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql:8.0", "mysql:8.4"})
    void everyCaseConvergesOnMysql8(String image) {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "SKIPPED: the MySQL convergence suite on "
                + image + " needs a Docker engine for Testcontainers, and none answers here");
        try (MySQLContainer<?> mysql = new MySQLContainer<>(DockerImageName.parse(image))
                .withUsername("root").withPassword("converge")) {
            mysql.start();
            ConvergenceRunner runner = new ConvergenceRunner(
                    new LocalMysql.Server(mysql.getHost(), mysql.getMappedPort(3306), "root", "converge"));
            List<String> failures = new ArrayList<>();
            List<ConvergenceCase> cases = ConvergenceCase.all();
            for (ConvergenceCase c : cases) {
                try {
                    runner.run(c);
                } catch (AssertionError | RuntimeException e) {
                    failures.add(c.name() + ": " + e.getMessage());
                }
            }
            assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases do not converge on "
                    + image + ":\n" + String.join("\n", failures));
        }
    }
}
