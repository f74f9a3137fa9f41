package dev.converge.grammar.support;

import dev.converge.grammar.postgres.PostgresLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * CreatedName reads the name a {@code CREATE} statement declares ({@code CREATE [OR REPLACE]
 * [modifiers] kind [IF NOT EXISTS] [schema.]name}), as PostgreSQL stores it: unquoted names folded
 * to lower case, quoted names as written. Only the last part of a qualified name is returned, which
 * is how the server names a missing object in most messages.
 */
public final class CreatedName {
    private static final Set<String> SKIPPED = Set.of("CREATE", "OR", "REPLACE", "TEMP", "TEMPORARY",
            "UNLOGGED", "GLOBAL", "LOCAL", "MATERIALIZED", "RECURSIVE", "FOREIGN", "UNIQUE", "IF", "NOT", "EXISTS",
            "CONSTRAINT");
    private static final Set<String> KINDS = Set.of("TABLE", "VIEW", "TYPE", "DOMAIN", "SEQUENCE", "SCHEMA",
            "FUNCTION", "PROCEDURE", "INDEX", "EXTENSION", "TRIGGER", "COLLATION");

    private CreatedName() {
    }

    public static Optional<String> of(String sql) {
        PostgresLexer lexer = new PostgresLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF && tokens.size() < 16; t = lexer.nextToken()) {
            int type = t.getType();
            if (type != PostgresLexer.WHITESPACE && type != PostgresLexer.LINE_COMMENT
                    && type != PostgresLexer.BLOCK_COMMENT) {
                tokens.add(t);
            }
        }
        if (tokens.isEmpty() || !word(tokens.get(0)).equals("CREATE")) {
            return Optional.empty();
        }
        int i = 1;
        boolean kindSeen = false;
        while (i < tokens.size() && tokens.get(i).getType() == PostgresLexer.IDENTIFIER) {
            String w = word(tokens.get(i));
            if (KINDS.contains(w) && !kindSeen) {
                kindSeen = true;
            } else if (!SKIPPED.contains(w)) {
                break; // the name (or, for CREATE INDEX ON t, no name)
            }
            i++;
        }
        if (!kindSeen || i < tokens.size() && word(tokens.get(i)).equals("ON")) {
            return Optional.empty();
        }
        String name = null;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.getType() == PostgresLexer.IDENTIFIER) {
                name = t.getText().toLowerCase(Locale.ROOT);
            } else if (t.getType() == PostgresLexer.QUOTED_IDENTIFIER) {
                String text = t.getText();
                name = text.substring(1, text.length() - 1).replace("\"\"", "\"");
            } else {
                break;
            }
            if (i + 1 < tokens.size() && tokens.get(i + 1).getType() == PostgresLexer.DOT) {
                i += 2;
            } else {
                break;
            }
        }
        return Optional.ofNullable(name);
    }

    private static String word(Token t) {
        return t.getType() == PostgresLexer.IDENTIFIER ? t.getText().toUpperCase(Locale.ROOT) : "";
    }
}
