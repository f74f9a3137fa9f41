package dev.converge.engine.diag;

import java.util.regex.Pattern;

/**
 * Redaction masks passwords in text that may hold database URLs: a URL the user typed and that could
 * not be parsed, or a message that echoes an argument. Every place that shows such text calls it.
 */
public final class Redaction {
    /**
     * {@code scheme://user:password@host}: the password runs to the last '@' before the path, as URL
     * parsers read it, so an unencoded '@' inside a password is masked too.
     */
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s'\"]*):[^/\\s'\"]*@");
    /** {@code ?password=...} or {@code &password=...} in a JDBC URL's query string. */
    private static final Pattern QUERY_PASSWORD = Pattern.compile("([?&](?i:password)=)[^&\\s'\"]*");

    private Redaction() {
    }

    /** The text with every URL password replaced by {@code ***}; null stays null. */
    public static String passwords(String text) {
        if (text == null) {
            return null;
        }
        String withoutUserInfo = URL_PASSWORD.matcher(text).replaceAll("$1:***@");
        return QUERY_PASSWORD.matcher(withoutUserInfo).replaceAll("$1***");
    }
}
