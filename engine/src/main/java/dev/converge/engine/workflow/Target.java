package dev.converge.engine.workflow;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ServerVersion;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Target is an open connection to the database a command works on, with its dialect, URL and
 * server version. Closing it closes the connection. The CLI's commands and the public API
 * ({@code dev.converge.api}) open targets the same way.
 */
public record Target(Dialect dialect, DatabaseUrl url, Connection connection, ServerVersion version)
        implements AutoCloseable {

    public static Target open(DialectRegistry dialects, String rawUrl) {
        if (rawUrl == null) {
            // --url is optional on the command line since --env can stand for it (plan, apply).
            throw new ConvergeException(ErrorKind.USAGE, "Missing required option: '--url=URL'");
        }
        Dialect dialect = dialects.forUrl(rawUrl);
        return open(dialect, dialect.parseUrl(rawUrl));
    }

    public static Target open(Dialect dialect, DatabaseUrl url) {
        Connection connection = dialect.connect(url);
        return new Target(dialect, url, connection, dialect.version(connection));
    }

    public SchemaModel inspect(InspectScope scope) {
        try {
            return dialect.inspector().inspect(connection, scope);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot inspect " + url.display() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing a connection that failed is not worth an error of its own.
        }
    }
}
