package dev.converge.dialect.mysql.connect;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.spi.DatabaseUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * MysqlUrls recognises and parses the URL forms of MySQL and MariaDB: the JDBC forms
 * {@code jdbc:mysql://host:port/db?user=u} and {@code jdbc:mariadb://...}, and the native forms
 * {@code mysql://user:password@host:port/db} and {@code mariadb://...}. Every form becomes a
 * credential-free {@code jdbc:mysql://} URL (MySQL Connector/J speaks to both servers), with the
 * credentials apart; no message shows the password.
 */
public final class MysqlUrls {
    static final int DEFAULT_PORT = 3306;
    private static final String[] PREFIXES = {"jdbc:mysql://", "jdbc:mariadb://", "mysql://", "mariadb://"};
    private static final String EXAMPLE = "mysql://user:password@host:3306/database or jdbc:mysql://host:3306/database?user=user";

    private MysqlUrls() {
    }

    public static boolean accepts(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        for (String prefix : PREFIXES) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Parses an accepted URL; host defaults to localhost, port to 3306; a URL without a database is a USAGE error. */
    public static DatabaseUrl parse(String url) {
        if (!accepts(url)) {
            throw usage("'" + Redaction.passwords(url) + "' is not a MySQL or MariaDB URL: write it as " + EXAMPLE);
        }
        String text = url.strip();
        String rest = text.substring(text.indexOf("//") + 2);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);

        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), text);
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), text);
        }
        if (authority.contains(",")) {
            throw usage("'" + Redaction.passwords(text) + "' lists several hosts; Converge connects to exactly one: write it as " + EXAMPLE);
        }
        String host = "localhost";
        int port = DEFAULT_PORT;
        int portColon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']')) : authority.lastIndexOf(':');
        String hostPart = portColon < 0 ? authority : authority.substring(0, portColon);
        if (!hostPart.isEmpty()) {
            host = decode(hostPart, text);
        }
        if (portColon >= 0 && portColon + 1 < authority.length()) {
            port = parsePort(authority.substring(portColon + 1), text);
        }

        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), text);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), text);
            if (key.equals("user")) {
                user = value;
            } else if (key.equals("password")) {
                password = value;
            } else {
                options.put(key, value);
            }
        }
        user = user == null || user.isEmpty() ? null : user;
        password = password == null || password.isEmpty() ? null : password;
        String database = decode(path, text);
        if (database.isEmpty()) {
            throw usage("the URL '" + Redaction.passwords(text) + "' names no database: write it as " + EXAMPLE);
        }
        String jdbcUrl = "jdbc:mysql://" + host + ":" + port + "/" + path;
        return new DatabaseUrl(jdbcUrl, user, password, database, host, port, options);
    }

    private static int parsePort(String text, String url) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wrong
        }
        throw usage("the URL '" + Redaction.passwords(url) + "' has port '" + text + "', which is not a port number (1-65535)");
    }

    private static String decode(String text, String url) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw usage("the URL '" + Redaction.passwords(url) + "' has a malformed percent-escape: encode '%' itself as %25");
        }
    }

    private static ConvergeException usage(String message) {
        return new ConvergeException(ErrorKind.USAGE, message);
    }
}
