package dev.converge.api;

import dev.converge.engine.diag.Plural;
import dev.converge.engine.diag.Redaction;

/**
 * The wording rules of Converge's own messages, for callers that add lines of their own next to them
 * (the CLI): counts with the right noun form, and text with passwords taken out.
 */
public final class Messages {
    private Messages() {
    }

    /** {@code "1 target"}, {@code "3 targets"}: the plural adds an s. */
    public static String count(long n, String noun) {
        return Plural.count(n, noun);
    }

    /** {@code "1 object is"}, {@code "2 objects are"}: for nouns (or phrases) whose plural is not an added s. */
    public static String count(long n, String singular, String plural) {
        return Plural.count(n, singular, plural);
    }

    /**
     * {@code text} with passwords and the row values a server's error quotes taken out, as every
     * message of Converge is before it is shown; for any message a driver or a library wrote. Null
     * stays null.
     */
    public static String redacted(String text) {
        return Redaction.text(text);
    }
}
