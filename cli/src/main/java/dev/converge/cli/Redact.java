package dev.converge.cli;

import java.util.regex.Pattern;

/**
 * Redact removes passwords from text the CLI prints that it did not compose itself: picocli's usage
 * messages echo the offending argument verbatim, and an argument can be a URL with a password.
 */
final class Redact {
    /** {@code scheme://user:password@host}: the password is everything between the user's colon and the @. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s'\"]*):[^@\\s'\"]*@");
    /** {@code ?password=...} or {@code &password=...} in a JDBC URL's query string. */
    private static final Pattern QUERY_PASSWORD = Pattern.compile("([?&](?i:password)=)[^&\\s'\"]*");

    private Redact() {
    }

    static String passwords(String text) {
        if (text == null) {
            return null;
        }
        String withoutUserInfo = URL_PASSWORD.matcher(text).replaceAll("$1@");
        return QUERY_PASSWORD.matcher(withoutUserInfo).replaceAll("$1***");
    }
}
