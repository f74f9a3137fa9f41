package dev.converge.engine.spi;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.diag.Redaction;
import java.util.Map;
import java.util.Properties;

/**
 * DatabaseUrl is a parsed connection target: a JDBC URL without credentials, the credentials apart,
 * and a display form that never shows the password.
 *
 * @param jdbcUrl  a JDBC URL with no user or password in it
 * @param user     the user name, or null for the driver's default
 * @param password the password, or null; never printed
 * @param database the database name
 * @param host     host name, for messages
 * @param port     port number
 * @param options  other connection properties from the URL's query string, in order
 * @param scheme   the scheme to show when it is not the JDBC URL's own ({@code mariadb} for a MariaDB URL
 *                 that runs through the MySQL driver), or null
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, String database, String host, int port,
                          Map<String, String> options, String scheme) {
    public DatabaseUrl {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(database, "database is null");
        options = Map.copyOf(options);
    }

    /** A URL shown with its JDBC URL's scheme. */
    public DatabaseUrl(String jdbcUrl, String user, String password, String database, String host, int port,
                       Map<String, String> options) {
        this(jdbcUrl, user, password, database, host, port, options, null);
    }

    /**
     * The URL as it may be shown: {@code postgresql://app@db.example:5432/shop}, never with a password
     * nor a {@code jdbc:} prefix; {@code mariadb://} for a URL the user wrote for MariaDB.
     */
    public String display() {
        String who = user == null ? "" : user + "@";
        String shown = jdbcUrl.replaceFirst("^jdbc:", "");
        if (scheme != null) {
            shown = scheme + shown.substring(shown.indexOf(':'));
        }
        // Through the redactor too: a malformed URL may have left a secret in the database name.
        return Redaction.passwords(shown.replaceFirst("//", "//" + who).replaceFirst("\\?.*$", ""));
    }

    /** Connection properties for the driver: user, password and the URL's other options. */
    public Properties properties() {
        Properties props = new Properties();
        props.putAll(options);
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return props;
    }

    /** The same server and credentials, another database. */
    public DatabaseUrl withDatabase(String otherDatabase) {
        String url = jdbcUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + otherDatabase + "$1");
        return new DatabaseUrl(url, user, password, otherDatabase, host, port, options, scheme);
    }

    @Override
    public String toString() {
        return display();
    }
}
