package dev.converge.dialect.mysql.connect;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MysqlConnector opens connections with MySQL Connector/J and reads the server's version. Sessions
 * are set up alike on every server: utf8mb4 on the wire, and a sql_mode that keeps backquotes and
 * single quotes meaning what the generated SQL means by them.
 */
public final class MysqlConnector implements DialectParts.Connector {
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

    public Connection connect(DatabaseUrl url) {
        Properties props = url.properties();
        props.putIfAbsent("connectionCollation", "utf8mb4_general_ci");
        props.putIfAbsent("characterEncoding", "UTF-8");
        props.putIfAbsent("useSSL", "false");
        props.putIfAbsent("allowPublicKeyRetrieval", "true");
        // The server's own text for defaults and expressions, not the driver's reformatting.
        props.putIfAbsent("useInformationSchema", "true");
        props.putIfAbsent("connectTimeout", "10000");
        try {
            Connection connection = DriverManager.getConnection(url.jdbcUrl(), props);
            try (Statement st = connection.createStatement()) {
                st.execute("SET SESSION sql_mode = REPLACE(REPLACE(@@sql_mode, 'ANSI_QUOTES', ''), 'NO_BACKSLASH_ESCAPES', '')");
            }
            return connection;
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot connect to " + url.display() + ": " + reason(e), e);
        }
    }

    private static String reason(SQLException e) {
        if (e.getErrorCode() == 1049) {
            return "the database does not exist (create it first: CREATE DATABASE ...)";
        }
        if (e.getErrorCode() == 1045) {
            return "access denied: check the user name and password";
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    public ServerVersion version(Connection connection) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return parseVersion(rs.getString(1));
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot read the server version: " + e.getMessage(), e);
        }
    }

    static ServerVersion parseVersion(String text) {
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            return new ServerVersion(0, 0, text);
        }
        return new ServerVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), text);
    }
}
