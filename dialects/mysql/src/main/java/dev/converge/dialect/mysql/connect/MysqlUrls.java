package dev.converge.dialect.mysql.connect;

import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.ServerUrlParser;

/**
 * MysqlUrls recognises and parses the URL forms of MySQL and MariaDB: the JDBC forms
 * {@code jdbc:mysql://host:port/db?user=u} and {@code jdbc:mariadb://...}, and the native forms
 * {@code mysql://user:password@host:port/db} and {@code mariadb://...}. Every form becomes a
 * credential-free {@code jdbc:mysql://} URL (MySQL Connector/J speaks to both servers), with the
 * credentials apart; no message shows the password.
 */
public final class MysqlUrls {
    static final int DEFAULT_PORT = 3306;
    private static final ServerUrlParser PARSER = new ServerUrlParser("MySQL or MariaDB",
            new String[] {"jdbc:mysql://", "jdbc:mariadb://", "mysql://", "mariadb://"}, "localhost", DEFAULT_PORT,
            "mysql://user:password@host:3306/database or jdbc:mysql://host:3306/database?user=user");

    private MysqlUrls() {
    }

    public static boolean accepts(String url) {
        return PARSER.accepts(url);
    }

    /** Parses an accepted URL; host defaults to localhost, port to 3306; a URL without a database is a USAGE error. */
    public static DatabaseUrl parse(String url) {
        ServerUrlParser.Parts parts = PARSER.parse(url);
        // The MySQL driver speaks to MariaDB too, but a URL written for MariaDB is shown as one (mariadb://).
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        String shown = lower.startsWith("mariadb:") || lower.startsWith("jdbc:mariadb:") ? "mariadb" : null;
        return parts.databaseUrl("mysql", parts.rawPath(), shown);
    }
}
