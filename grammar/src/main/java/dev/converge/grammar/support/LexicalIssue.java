package dev.converge.grammar.support;

import static java.util.Objects.requireNonNull;

/**
 * LexicalIssue is a problem the splitter found in a file's text, such as a string that is never
 * closed, at the place where the offending construct starts.
 *
 * @param offset 0-based character (UTF-16) offset into the text
 * @param line   1-based line ({@code \n} ends a line)
 * @param column 1-based column in characters (a tab counts as one)
 * @param hint   what the user can do about it, or null
 */
public record LexicalIssue(int offset, int line, int column, String message, String hint) {
    public LexicalIssue {
        requireNonNull(message, "message is null");
    }
}
