package dev.converge.dialect.mysql.convergence;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * MySQL 8 runs through Testcontainers on machines with Docker. This machine has neither Docker nor a
 * MySQL 8 server, so the test is skipped with a message that says so (never silently). The engine
 * handles MySQL 8's differences on purpose (ServerFlavor): literal defaults unquoted in
 * information_schema, DEFAULT_GENERATED expressions, CHECK constraints joined from TABLE_CONSTRAINTS,
 * functional key parts, invisible indexes.
 */
class Mysql8ConvergenceTest {
    @Test
    void mysql8ConvergesToo() {
        boolean docker = new java.io.File("/var/run/docker.sock").exists();
        assumeTrue(docker, "SKIPPED: MySQL 8 convergence needs Docker for Testcontainers, and this machine has no"
                + " Docker (/var/run/docker.sock is missing); only MariaDB " + "10.11 was tested here");
        assumeTrue(false, "SKIPPED: Docker is present but the Testcontainers MySQL 8 run is not wired yet"
                + " (see docs/mysql.md, 'Not done')");
    }
}
