package dev.converge.dialect.postgres.connect;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.DialectParts;
import dev.converge.engine.spi.ServerVersion;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * PostgresConnector opens JDBC connections to PostgreSQL and turns every connection failure into a
 * {@link ConvergeException} that names the host, port, database and user, says why, and never
 * shows the password. A URL without a password uses the PGPASSWORD environment variable.
 */
public final class PostgresConnector implements DialectParts.Connector {
    static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final UnaryOperator<String> environment;

    public PostgresConnector() {
        this(System::getenv);
    }

    /** For tests: reads PGPASSWORD / PGUSER from {@code environment} instead of the process. */
    PostgresConnector(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Connects to {@code url}; failures are ERROR ConvergeExceptions with a message for the user. */
    public Connection connect(DatabaseUrl url) {
        Properties props = driverProperties(url);
        try {
            return DriverManager.getConnection(url.jdbcUrl(), props);
        } catch (SQLException e) {
            throw ConnectionFailures.explain(url, props.getProperty("user"), props.getProperty("password"), e);
        }
    }

    /** The properties handed to the driver: the URL's own, plus defaults that make failures prompt. */
    Properties driverProperties(DatabaseUrl url) {
        Properties props = url.properties();
        if (url.password() == null) {
            String fromEnv = environment.apply("PGPASSWORD");
            if (fromEnv != null && !fromEnv.isEmpty()) {
                props.setProperty("password", fromEnv);
            }
        }
        if (url.user() == null) {
            // The driver would silently use the OS user; PGUSER first keeps us in line with psql.
            String fromEnv = environment.apply("PGUSER");
            props.setProperty("user", fromEnv != null && !fromEnv.isEmpty() ? fromEnv
                    : System.getProperty("user.name", "postgres"));
        }
        props.putIfAbsent("ApplicationName", "converge");
        props.putIfAbsent("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        // DDL such as CREATE INDEX can legitimately run for hours: no socket timeout.
        props.putIfAbsent("socketTimeout", "0");
        return props;
    }

    /** The server's version from {@code server_version_num} (major, minor) and {@code version()}. */
    public ServerVersion version(Connection connection) {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int, version()")) {
            rs.next();
            return versionOf(rs.getInt(1), rs.getString(2));
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR,
                    "cannot read the PostgreSQL server version: " + e.getMessage(), e);
        }
    }

    /** 150010 -> 15.10; before 10 the number was 90624 -> 9.6 (the third part is a patch level). */
    static ServerVersion versionOf(int number, String text) {
        if (number >= 100000) {
            return new ServerVersion(number / 10000, number % 10000, text);
        }
        return new ServerVersion(number / 10000, number / 100 % 100, text);
    }
}
