package dev.converge.grammar.source;

import static java.util.Objects.requireNonNull;

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
}
