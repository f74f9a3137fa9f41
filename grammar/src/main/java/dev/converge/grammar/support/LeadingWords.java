package dev.converge.grammar.support;

import dev.converge.grammar.postgres.PostgresLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * LeadingWords reads the first words of a statement (key words and unquoted identifiers, upper
 * case), skipping blanks and comments and stopping at the first token that is not a word; enough
 * to tell {@code CREATE OR REPLACE VIEW} from {@code CREATE /* note *&#47; TABLE} without a parser.
 */
public final class LeadingWords {
    private LeadingWords() {
    }

    public static List<String> of(String sql, int max) {
        PostgresLexer lexer = new PostgresLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        List<String> words = new ArrayList<>();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF && words.size() < max;
                token = lexer.nextToken()) {
            int type = token.getType();
            if (type == PostgresLexer.WHITESPACE || type == PostgresLexer.LINE_COMMENT
                    || type == PostgresLexer.BLOCK_COMMENT) {
                continue;
            }
            if (type != PostgresLexer.IDENTIFIER) {
                break;
            }
            words.add(token.getText().toUpperCase(Locale.ROOT));
        }
        return words;
    }
}
