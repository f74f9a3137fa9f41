package dev.converge.grammar.source;

import static java.util.Objects.requireNonNull;

/**
 * SyntaxProblem is a statement the grammar cannot read, at a character offset of the statement,
 * with a message ({@code expected ')' but found 'CONSTRAINT'}) and a hint, or null.
 */
public record SyntaxProblem(int offset, String message, String hint) {
    public SyntaxProblem {
        requireNonNull(message, "message is null");
    }
}
