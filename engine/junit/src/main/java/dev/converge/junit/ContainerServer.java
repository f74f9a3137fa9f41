package dev.converge.junit;

import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.DialectRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/** ContainerServer is a PostgreSQL container started by Testcontainers (loaded only in CONTAINER mode). */
final class ContainerServer implements DatabaseServer {
    private final PostgreSQLContainer<?> container;
    private final Dialect dialect;
    private final DatabaseUrl url;

    private ContainerServer(PostgreSQLContainer<?> container) {
        this.container = container;
        this.dialect = DialectRegistry.fromServiceLoader().byId("postgres");
        this.url = dialect.parseUrl(container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?")
                + "user=" + encode(container.getUsername()) + "&password=" + encode(container.getPassword()));
    }

    static DatabaseServer start(String image) {
        Servers.assumeDocker(DockerClientFactory.instance().isDockerAvailable());
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(image);
        container.start();
        return new ContainerServer(container);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public DatabaseUrl adminUrl() {
        return url;
    }

    @Override
    public void close() {
        container.stop();
    }
}
