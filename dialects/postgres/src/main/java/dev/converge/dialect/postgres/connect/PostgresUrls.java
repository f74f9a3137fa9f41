package dev.converge.dialect.postgres.connect;

import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.ServerUrlParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * PostgresUrls recognises and parses the PostgreSQL URL forms users write: the JDBC form
 * {@code jdbc:postgresql://host:port/db?user=u&password=p} (and {@code jdbc:postgresql:db}, local
 * server) and the libpq form {@code postgresql://user:password@host:port/db?sslmode=require} (also
 * spelled {@code postgres://}). The result keeps the credentials apart from a credential-free JDBC
 * URL, and no message it writes ever contains the password.
 */
public final class PostgresUrls {
    static final int DEFAULT_PORT = 5432;
    static final String DEFAULT_HOST = "localhost";

    private static final ServerUrlParser PARSER = new ServerUrlParser("PostgreSQL",
            new String[] {"jdbc:postgresql:", "postgresql://", "postgres://"}, DEFAULT_HOST, DEFAULT_PORT,
            "postgresql://user:password@host:5432/database or jdbc:postgresql://host:5432/database?user=user");

    private PostgresUrls() {
    }

    /** True for {@code jdbc:postgresql:}, {@code postgresql://} and {@code postgres://} URLs. */
    public static boolean accepts(String url) {
        return PARSER.accepts(url);
    }

    /**
     * Parses a URL {@link #accepts accepted} here. Host defaults to localhost, port to 5432; user and
     * password come from the userinfo or from {@code user=}/{@code password=} query parameters; the
     * other query parameters become driver options. A URL without a database is a USAGE error.
     */
    public static DatabaseUrl parse(String url) {
        ServerUrlParser.Parts parts = PARSER.parse(url);
        return parts.databaseUrl("postgresql", encodePath(parts.database()), null);
    }

    private static String encodePath(String database) {
        // pgjdbc percent-decodes the database name, so anything beyond plain characters is encoded.
        return URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
