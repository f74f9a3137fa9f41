package dev.converge.grammar.support;

import dev.converge.grammar.postgres.PostgresLexer;
import java.util.Locale;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * IdentifierFinder finds where a statement names an object, given the name as the server prints it
 * in a message ({@code relation "nowhere" does not exist}). Some server errors carry no position
 * (a foreign key's target is looked up after parsing); the first token naming the object is the
 * best place to point at. Unquoted identifiers match case-insensitively, as PostgreSQL folds them
 * to lower case; quoted ones match exactly; strings and comments never match.
 */
public final class IdentifierFinder {
    private IdentifierFinder() {
    }

    /**
     * The 0-based character offset of the first identifier token in {@code sql} spelling
     * {@code name}, or of its last dotted part when the whole name is not found; -1 if neither is.
     */
    public static int find(String sql, String name) {
        int whole = findPart(sql, name);
        if (whole >= 0 || name.indexOf('.') < 0) {
            return whole;
        }
        return findPart(sql, name.substring(name.lastIndexOf('.') + 1));
    }

    private static int findPart(String sql, String name) {
        if (name.isEmpty()) {
            return -1;
        }
        TextPositions positions = new TextPositions(sql);
        PostgresLexer lexer = new PostgresLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            String text = token.getText();
            boolean match = token.getType() == PostgresLexer.IDENTIFIER
                    ? text.toLowerCase(Locale.ROOT).equals(name)
                    : token.getType() == PostgresLexer.QUOTED_IDENTIFIER
                    && text.substring(1, text.length() - 1).replace("\"\"", "\"").equals(name);
            if (match) {
                return positions.charOffset(token.getStartIndex());
            }
        }
        return -1;
    }
}
