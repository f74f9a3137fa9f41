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
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, String database, String host, int port,
                          Map<String, String> options) {
    public DatabaseUrl {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(database, "database is null");
        options = Map.copyOf(options);
    }

    /** The URL as it may be shown: {@code postgresql://app@db.example:5432/shop}, never with a password. */
    public String display() {
        String who = user == null ? "" : user + "@";
        // Through the redactor too: a malformed URL may have left a secret in the database name.
        return Redaction.passwords(jdbcUrl.replaceFirst("^jdbc:", "").replaceFirst("//", "//" + who).replaceFirst("\\?.*$", ""));
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
        return new DatabaseUrl(url, user, password, otherDatabase, host, port, options);
    }

    @Override
    public String toString() {
        return display();
    }
}
