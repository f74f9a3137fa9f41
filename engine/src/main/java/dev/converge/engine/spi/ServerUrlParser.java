package dev.converge.engine.spi;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.Redaction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ServerUrlParser reads the part every dialect's URL shares once its scheme is gone:
 * {@code [//[user[:password]@]host[:port]][/database][?key=value&...]}. Credentials come from the
 * userinfo or from {@code user=}/{@code password=} parameters, the other parameters become driver
 * options, and an empty user or password means none was given. Every message it writes has the
 * password taken out, and ends with the dialect's example of a good URL.
 */
public final class ServerUrlParser {
    private final String dialectName;
    private final String[] prefixes;
    private final String defaultHost;
    private final int defaultPort;
    private final String example;

    /**
     * @param dialectName the name used in "... is not a NAME URL"
     * @param prefixes    the lower-case schemes this dialect accepts, e.g. {@code "mysql://"}
     */
    public ServerUrlParser(String dialectName, String[] prefixes, String defaultHost, int defaultPort, String example) {
        this.dialectName = dialectName;
        this.prefixes = prefixes.clone();
        this.defaultHost = defaultHost;
        this.defaultPort = defaultPort;
        this.example = example;
    }

    /** What a URL says, decoded, with the path also kept as written (some drivers want it encoded). */
    public record Parts(String user, String password, String host, int port, String database, String rawPath,
                        Map<String, String> options) {
        /**
         * The credential-free {@code jdbc:DRIVER://host:port/path} URL of these parts, credentials and
         * options apart.
         *
         * @param driverScheme the JDBC URL's scheme, e.g. {@code postgresql}
         * @param path         the database as the driver wants it written in the URL
         * @param shownScheme  the scheme to show instead of the driver's, or null (see {@link DatabaseUrl#scheme})
         */
        public DatabaseUrl databaseUrl(String driverScheme, String path, String shownScheme) {
            return new DatabaseUrl("jdbc:" + driverScheme + "://" + host + ":" + port + "/" + path, user, password,
                    database, host, port, options, shownScheme);
        }
    }

    /** True when the URL starts with one of the dialect's schemes, in any case. */
    public boolean accepts(String url) {
        return url != null && scheme(url.strip()).isPresent();
    }

    /** The dialect's scheme {@code text} starts with, in any case. */
    private Optional<String> scheme(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(prefixes).filter(lower::startsWith).findFirst();
    }

    /** A USAGE error unless {@link #accepts} holds, naming the dialect and showing the example. */
    public void requireAccepted(String url) {
        if (!accepts(url)) {
            throw usage("'" + Redaction.passwords(url) + "' is not a " + dialectName + " URL: write it as " + example);
        }
    }

    /**
     * Parses a URL that starts with one of the dialect's schemes (a USAGE error otherwise, as is a URL
     * without a database). What follows the scheme is {@code //authority/path?query}, or (as JDBC allows
     * for some drivers, {@code jdbc:postgresql:db}) {@code /path} or {@code path} alone.
     */
    public Parts parse(String url) {
        requireAccepted(url);
        String text = url.strip();
        String scheme = scheme(text).orElseThrow();
        // A scheme such as mysql:// leaves its "//", so that the authority is found alike in every form.
        return parse(text, text.substring(scheme.endsWith("//") ? scheme.length() - 2 : scheme.length()));
    }

    /** {@code afterScheme} read as the part of {@code url} after its scheme; {@code url} is for messages. */
    private Parts parse(String url, String afterScheme) {
        String rest = afterScheme;
        // The user information runs to the LAST '@', as the redactor reads it: a password may hold a raw
        // '@', '/', '?' or '#', and none of it may end up shown as a host, port or database.
        String userInfo = null;
        if (rest.startsWith("//") && rest.lastIndexOf('@') >= 2) {
            int at = rest.lastIndexOf('@');
            userInfo = rest.substring(2, at);
            rest = "//" + rest.substring(at + 1);
        }
        if (rest.indexOf('@') >= 0) {
            throw usage("the URL '" + Redaction.passwords(url) + "' has a user name or password outside"
                    + " '//user:password@host': write it as " + example);
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
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
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), url);
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), url);
        }
        if (authority.contains(",")) {
            throw usage("'" + Redaction.passwords(url) + "' lists several hosts; Converge connects to exactly one:"
                    + " write it as " + example);
        }
        String host = defaultHost;
        int port = defaultPort;
        // An IPv6 literal keeps its brackets so that host:port stays readable and valid in a URL.
        int portColon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']'))
                : authority.lastIndexOf(':');
        String hostPart = portColon < 0 ? authority : authority.substring(0, portColon);
        if (!hostPart.isEmpty()) {
            host = decode(hostPart, url);
        }
        if (portColon >= 0 && portColon + 1 < authority.length()) {
            port = parsePort(authority.substring(portColon + 1), url);
        }

        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), url);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), url);
            if (key.equals("user")) {
                user = value;
            } else if (key.equals("password")) {
                password = value;
            } else {
                options.put(key, value);
            }
        }
        // Empty means "none given" (as in libpq), so that a password from the environment can still apply.
        user = user == null || user.isEmpty() ? null : user;
        password = password == null || password.isEmpty() ? null : password;
        String database = decode(path, url);
        if (database.isEmpty()) {
            throw usage("the URL '" + Redaction.passwords(url) + "' names no database: write it as " + example);
        }
        return new Parts(user, password, host, port, database, path, options);
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
        throw usage("the URL '" + Redaction.passwords(url) + "' has a port that is not a number from 1 to 65535");
    }

    private static String decode(String text, String url) {
        try {
            // '+' is literal in URL paths and userinfo; only %XX is an escape here.
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw usage("the URL '" + Redaction.passwords(url) + "' has a malformed percent-escape: encode '%' itself as %25");
        }
    }

    private static ConvergeException usage(String message) {
        return new ConvergeException(ErrorKind.USAGE, message);
    }
}
