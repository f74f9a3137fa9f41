package dev.converge.dialect.postgres.connect;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * ConnectionFailures turns a driver's SQLException on connect into a message a user can act on,
 * chosen by SQLState: unreachable server (class 08), failed authentication (28P01, 28000) or a
 * missing database (3D000). The password is scrubbed from anything it quotes.
 */
final class ConnectionFailures {
    private ConnectionFailures() {
    }

    static ConvergeException explain(DatabaseUrl url, String user, String password, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String hostPort = url.host() + ":" + url.port();
        String message;
        if (state.equals("28P01") || state.equals("28000")) {
            message = "authentication failed for user '" + user + "' on " + hostPort + "/" + url.database()
                    + ": check the password (in the URL or PGPASSWORD)"
                    + (state.equals("28000") ? " and that pg_hba.conf lets this user in (" + e.getMessage() + ")" : "");
        } else if (state.equals("3D000")) {
            message = "database '" + url.database() + "' does not exist on " + hostPort
                    + ": create it, or fix the database name in the URL";
        } else if (state.startsWith("08") || state.isEmpty()) {
            message = "cannot connect to " + hostPort + " (database " + url.database() + "): " + reason(e)
                    + "; is the server running and reachable?";
        } else {
            message = "cannot connect to " + hostPort + " (database " + url.database() + ") as user '" + user
                    + "': " + e.getMessage() + " (SQLState " + state + ")";
        }
        return new ConvergeException(ErrorKind.ERROR, scrub(message, password), e);
    }

    /** The most telling cause: the network exception under the driver's generic wrapper. */
    private static String reason(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host '" + t.getMessage() + "'";
            }
            if (t instanceof SocketTimeoutException) {
                return "timed out after " + PostgresConnector.CONNECT_TIMEOUT_SECONDS + " s";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return t.getMessage() == null ? "connection refused" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return e.getMessage();
    }

    /** Belt and braces: should a driver message ever quote the password, it is blanked out. */
    static String scrub(String message, String password) {
        if (password == null || password.isEmpty()) {
            return message;
        }
        return message.replace(password, "***");
    }
}
