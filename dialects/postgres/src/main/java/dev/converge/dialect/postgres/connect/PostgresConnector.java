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
    /** How often (milliseconds) the server checks, while running a statement, that Converge is still there. */
    static final int DEAD_CLIENT_CHECK_MILLIS = 5000;

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
        Connection connection;
        try {
            connection = DriverManager.getConnection(url.jdbcUrl(), props);
        } catch (SQLException e) {
            throw ConnectionFailures.explain(url, props.getProperty("user"), props.getProperty("password"), e);
        }
        watchForADeadClient(connection);
        return connection;
    }

    /**
     * The server notices a client that went away only when it next talks to it: a killed Converge
     * would leave its running statement (a CREATE INDEX, a backfill, a lock wait) going on, holding its
     * locks. From PostgreSQL 14 on, client_connection_check_interval makes the server look every few
     * seconds and cancel the statement of a client that is gone. Before 14 there is no such setting,
     * and on a platform without the check the server refuses a non-zero value: the connection is then
     * used as it is, as on PostgreSQL 13.
     */
    private static void watchForADeadClient(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT set_config('client_connection_check_interval', '" + DEAD_CLIENT_CHECK_MILLIS
                    + "', false) WHERE current_setting('server_version_num')::int >= 140000");
        } catch (SQLException platformWithoutTheCheck) {
            // Nothing changed on the session: the statement failed before setting anything.
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
