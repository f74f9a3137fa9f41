package dev.converge.api;

import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowSpec;

/**
 * A database server of its own, started for the caller and deleted on {@link #close()}: the embedded
 * PostgreSQL that normalizes desired files, here as a target to try Converge on with nothing installed
 * ({@code converge demo}). Its binaries are resolved as the embedded shadow's are (docs/cli.md).
 *
 * <pre>{@code
 * try (EmbeddedServer server = EmbeddedServer.start("postgres")) {
 *     Converge target = server.createDatabase("try_it").serverShadow();
 *     target.policy(Policy.DEFAULT.allowingDestructive()).apply(Desired.directory(schema));
 * }
 * }</pre>
 */
public final class EmbeddedServer implements AutoCloseable {
    private final Shadow server;

    private EmbeddedServer(Shadow server) {
        this.server = server;
    }

    /**
     * Starts an embedded server of the dialect ({@code postgres}); a
     * {@link dev.converge.engine.diag.ConvergeException} says why it cannot.
     */
    public static EmbeddedServer start(String dialectId) {
        return new EmbeddedServer(DialectRegistry.fromServiceLoader().byId(dialectId).shadows()
                .open(ShadowSpec.EMBEDDED, null, null));
    }

    /** What it is, for messages: {@code embedded PostgreSQL 16.4}. */
    public String description() {
        return server.description();
    }

    /** Creates the empty database {@code name} on the server and returns it as a target. */
    public Converge createDatabase(String name) {
        DatabaseUrl url = server.createDatabase(name);
        // An embedded server trusts its local connections: the URL as shown is the whole URL.
        return Converge.target(url.display());
    }

    @Override
    public void close() {
        server.close();
    }
}
