package dev.converge.dialect.postgres.connect;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.spi.DatabaseUrl;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * PostgresUrls recognises and parses the PostgreSQL URL forms users write: the JDBC form
 * {@code jdbc:postgresql://host:port/db?user=u&password=p} and the libpq form
 * {@code postgresql://user:password@host:port/db?sslmode=require} (also spelled {@code postgres://}).
 * The result keeps the credentials apart from a credential-free JDBC URL, and no message it writes
 * ever contains the password.
 */
public final class PostgresUrls {
    static final int DEFAULT_PORT = 5432;
    static final String DEFAULT_HOST = "localhost";

    private static final String[] PREFIXES = {"jdbc:postgresql:", "postgresql://", "postgres://"};
    private static final String EXAMPLE =
            "postgresql://user:password@host:5432/database or jdbc:postgresql://host:5432/database?user=user";

    private PostgresUrls() {
    }

    /** True for {@code jdbc:postgresql:}, {@code postgresql://} and {@code postgres://} URLs. */
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

    /**
     * Parses a URL {@link #accepts accepted} here. Host defaults to localhost, port to 5432; user and
     * password come from the userinfo or from {@code user=}/{@code password=} query parameters; the
     * other query parameters become driver options. A URL without a database is a USAGE error.
     */
    public static DatabaseUrl parse(String url) {
        if (!accepts(url)) {
            throw usage("'" + Redaction.passwords(url) + "' is not a PostgreSQL URL: write it as " + EXAMPLE);
        }
        String text = url.strip();
        String rest = stripScheme(text);

        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        // jdbc:postgresql:db (no authority) is legal JDBC: local server, default port.
        String authority = "";
        String path = rest;
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
            path = slash < 0 ? "" : rest.substring(slash + 1);
        } else if (rest.startsWith("/")) {
            path = rest.substring(1);
        }

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

        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        if (!authority.isEmpty()) {
            if (authority.contains(",")) {
                throw usage("'" + Redaction.passwords(text)
                        + "' lists several hosts; Converge connects to exactly one: write it as "
                        + EXAMPLE);
            }
            // An IPv6 literal keeps its brackets so that host:port stays readable and valid in a URL.
            int portColon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']'))
                    : authority.lastIndexOf(':');
            String hostPart = portColon < 0 ? authority : authority.substring(0, portColon);
            if (!hostPart.isEmpty()) {
                host = decode(hostPart, text);
            }
            if (portColon >= 0 && portColon + 1 < authority.length()) {
                port = parsePort(authority.substring(portColon + 1), text);
            }
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
        if (user != null && user.isEmpty()) {
            user = null;
        }
        // An empty password means "none given", as in libpq, so that PGPASSWORD can still apply.
        if (password != null && password.isEmpty()) {
            password = null;
        }

        String database = decode(path, text);
        if (database.isEmpty()) {
            throw usage("the URL '" + Redaction.passwords(text) + "' names no database: write it as " + EXAMPLE);
        }
        String jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + encodePath(database);
        return new DatabaseUrl(jdbcUrl, user, password, database, host, port, options);
    }

    private static String stripScheme(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return text.substring("jdbc:postgresql:".length());
        }
        // postgresql:// and postgres:// keep their "//" so that the authority is found the same way.
        return text.substring(text.indexOf(':') + 1);
    }

    private static int parsePort(String text, String url) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw usage("the URL '" + Redaction.passwords(url) + "' has port '" + text + "', which is not a port number (1-65535)");
    }

    private static String decode(String text, String url) {
        try {
            // '+' is literal in URL paths and userinfo; only %XX is an escape here.
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw usage("the URL '" + Redaction.passwords(url) + "' has a malformed percent-escape: encode '%' itself as %25");
        }
    }

    private static String encodePath(String database) {
        // pgjdbc percent-decodes the database name, so anything beyond plain characters is encoded.
        return URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ConvergeException usage(String message) {
        return new ConvergeException(ErrorKind.USAGE, message);
    }
}
