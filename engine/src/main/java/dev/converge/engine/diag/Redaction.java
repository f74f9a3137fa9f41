package dev.converge.engine.diag;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redaction is the one redactor for text that may hold what a user passed as a URL or connection
 * string: every message, exception, history row, report, plan file and log line that could echo one
 * goes through it. It does not parse URLs, because the URLs it must hide secrets in are the ones no
 * parser accepts ({@code postgresql:/app:S3cret@db/x}, {@code mariadb//root:pw@h/d}); it reads shapes:
 * <ul>
 *   <li>user information: in any word that holds an {@code @}, whatever lies between the first
 *       {@code :} after the user name and the last {@code @} is a password;</li>
 *   <li>parameters and JDBC properties: the value of any key that names a password ({@code password=},
 *       {@code pass=}, {@code pwd=}, {@code sslpassword=}, {@code trustStorePassword=}...) up to the
 *       next blank.</li>
 * </ul>
 * It hides too much rather than too little: a word such as {@code a:b@c} that is no URL is masked too.
 * <p>
 * It also hides row values that a server quotes in its error texts ({@link #rowValues}): a failed step's
 * message reaches the history, reports and CI logs, where a target's rows must never go. {@link #text}
 * applies both, and is what any message from a server or a user goes through.
 */
public final class Redaction {
    /** What replaces a secret. */
    public static final String MASK = "***";

    /** A word: a run of characters without blanks (a quote may belong to a password, so it stays in). */
    private static final Pattern WORD = Pattern.compile("\\S+");
    /**
     * A key that names a password, then '=', then its value up to the next blank; a quote right before
     * the blank is kept, as it closes the quote a message put around the text.
     */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([\\w.\\-]*(?:password|passwd|pass|pwd|secret)[\\w.\\-]*\\s*=\\s*)\\S*?(?=['\"`]?(?:\\s|$))");
    /** What may stand before {@code ://} in a well-formed URL: a scheme or two ({@code jdbc:postgresql}). */
    private static final Pattern PLAIN_SCHEME = Pattern.compile("[^A-Za-z]*(?:[A-Za-z][A-Za-z0-9+.\\-]*:)?[A-Za-z][A-Za-z0-9+.\\-]*");

    /**
     * PostgreSQL's key detail: {@code Key (email)=(a@b) already exists}, {@code ... is duplicated},
     * {@code ... is not present in table}, {@code ... is still referenced}, {@code ... conflicts with}.
     * The value runs from {@code )=(} to the last {@code )} before one of those endings on its line
     * (a value may hold parentheses); without an ending, to the end of the line.
     */
    private static final Pattern PG_KEY_VALUE = Pattern.compile(
            "((?i:\\bkey) \\([^\\n]*?\\)=\\()(?:.*\\)(?=\\s+(?:already exists|is duplicated|is not present|is still referenced|conflicts with))"
                    + "|[^\\n]*)");
    /** PostgreSQL's check and not-null detail: {@code Failing row contains (1, a@b, null).}, to the end of its line. */
    private static final Pattern PG_FAILING_ROW = Pattern.compile("((?i:failing row contains) )[^\\n]*");
    /**
     * PostgreSQL's input errors quote the value after a colon: {@code invalid input syntax for type
     * integer: "abc"}, {@code invalid input value for enum mood: "x"}, {@code malformed array literal:
     * "..."}, {@code date/time field value out of range: "..."}; and {@code value "123" is out of range}.
     */
    private static final Pattern PG_INPUT_VALUE = Pattern.compile(
            "((?:invalid input (?:syntax|value)|malformed [\\w ]*literal|out of range|invalid [\\w ]*value)[^\"\\n]*?: )"
                    + "\"[^\\n]*\"|((?i:\\bvalue) )\"[^\\n]*?\"(?= is out of range)");
    /**
     * MySQL's and MariaDB's quoted values: {@code Duplicate entry 'a@b' for key 'email'}, {@code Incorrect
     * integer value: 'x' for column}, {@code Truncated incorrect DOUBLE value: 'x'}; the value runs to the
     * last quote before {@code for key}/{@code for column} (a value may hold quotes), else to the line's end.
     */
    private static final Pattern MYSQL_VALUE = Pattern.compile(
            "((?:Duplicate entry|value:) ')(?:.*'(?= for (?:key|column))|[^\\n]*)");

    private Redaction() {
    }

    /** The text through both redactions: passwords ({@link #passwords}) and row values ({@link #rowValues}); null stays null. */
    public static String text(String text) {
        return passwords(rowValues(text));
    }

    /**
     * The text with the row values a PostgreSQL, MySQL or MariaDB error quotes replaced by {@value #MASK}
     * (keys, constraint and column names stay: they say what failed); null stays null. It reads the
     * servers' English message shapes; it hides the whole rest of a line where a value's end is unclear.
     */
    public static String rowValues(String text) {
        if (text == null) {
            return null;
        }
        String out = PG_KEY_VALUE.matcher(text).replaceAll("$1" + MASK + ")");
        out = PG_FAILING_ROW.matcher(out).replaceAll("$1(" + MASK + ")");
        out = PG_INPUT_VALUE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                (m.group(1) != null ? m.group(1) : m.group(2)) + "\"" + MASK + "\""));
        return MYSQL_VALUE.matcher(out).replaceAll("$1" + MASK + "'");
    }

    /** The text with every password of a URL, connection string or JDBC property replaced by {@value #MASK}; null stays null. */
    public static String passwords(String text) {
        if (text == null) {
            return null;
        }
        String withoutParameters = SECRET_PARAMETER.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        Matcher words = WORD.matcher(withoutParameters);
        StringBuilder out = new StringBuilder();
        while (words.find()) {
            words.appendReplacement(out, Matcher.quoteReplacement(withoutUserPassword(words.group())));
        }
        words.appendTail(out);
        return out.toString();
    }

    /**
     * The word with its user information's password masked. The user information ends at the last
     * '@' (a password may hold an unencoded '@'). In a well-formed {@code scheme://user:password@} the
     * password starts after the first ':' behind the slashes, so the user stays readable; in any other
     * shape it starts after the word's first ':', which may hide the user too.
     */
    private static String withoutUserPassword(String word) {
        int at = word.lastIndexOf('@');
        if (at < 0) {
            return word;
        }
        int slashes = word.indexOf("://");
        int from = slashes >= 0 && slashes < at && PLAIN_SCHEME.matcher(word.substring(0, slashes)).matches()
                ? slashes + 3 : 0;
        int colon = word.indexOf(':', from);
        if (colon < 0 || colon > at) {
            return word; // a user without a password, or no user information at all
        }
        return word.substring(0, colon + 1) + MASK + word.substring(at);
    }
}
