package dev.converge.grammar.source;

import static java.util.Objects.requireNonNull;

import java.util.function.UnaryOperator;

/**
 * Annotation is a {@code -- converge:NAME [argument]} comment attached to the statement, column
 * definition or enum label that follows it.
 *
 * @param name     the word after {@code converge:} ({@code renamed-from})
 * @param argument the rest of the comment, trimmed ("" when there is none)
 * @param offset   character offset of the comment, relative to the start of its statement (negative
 *                 for a comment before the statement)
 */
public record Annotation(String name, String argument, int offset) {
    public static final String RENAMED_FROM = "renamed-from";
    public static final String IGNORE = "ignore";
    /** {@code -- converge:allow CODE[,CODE]}: allows those hazard codes on steps of this object. */
    public static final String ALLOW = "allow";

    public Annotation {
        requireNonNull(name, "name is null");
        requireNonNull(argument, "argument is null");
    }

    /**
     * True when the argument is several unquoted words ({@code child fk}): the old name of a rename
     * is one name, and taking its first word would rename from an object nobody meant; a name with
     * spaces is written quoted, which ends the argument with its quote.
     */
    public boolean hasSeveralUnquotedWords() {
        String text = argument.strip();
        return !text.isEmpty() && !text.endsWith("\"") && !text.endsWith("`") && text.chars().anyMatch(Character::isWhitespace);
    }

    /**
     * The old name a {@code renamed-from} annotation gives, as the server stores it: the last part of a
     * qualified name; taken as written between the dialect's {@code quote}s (a doubled quote is one
     * quote) when the argument ends with a quoted part, else as the first word with {@code fold}
     * applied (PostgreSQL folds an unquoted name to lower case, MySQL keeps its case).
     */
    public String oldName(char quote, UnaryOperator<String> fold) {
        String text = argument.strip();
        String q = String.valueOf(quote);
        if (text.endsWith(q)) {
            int open = text.lastIndexOf(quote, text.length() - 2);
            while (open > 0 && text.charAt(open - 1) == quote) {
                open = text.lastIndexOf(quote, open - 2);
            }
            if (open >= 0) {
                return text.substring(open + 1, text.length() - 1).replace(q + q, q);
            }
        }
        String word = text.split("\\s+")[0];
        return fold.apply(word.substring(word.lastIndexOf('.') + 1));
    }
}
