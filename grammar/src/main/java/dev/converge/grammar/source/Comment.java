package dev.converge.grammar.source;

import static java.util.Objects.requireNonNull;

/**
 * Comment is a comment that precedes a statement, verbatim (markers included), and its character
 * offset relative to the start of the statement (negative: it comes before it).
 */
public record Comment(String text, int offset) {
    public Comment {
        requireNonNull(text, "text is null");
    }
}
