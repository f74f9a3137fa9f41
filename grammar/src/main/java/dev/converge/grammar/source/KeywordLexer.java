package dev.converge.grammar.source;

import dev.converge.grammar.postgres.PostgresLexer;
import dev.converge.grammar.postgres.PostgresParser;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

/**
 * KeywordLexer is the {@link PostgresLexer} as the parser needs it: a word the parser grammar
 * knows as a key word gets that token type (the lexer, like the server's scanner, emits every word
 * as IDENTIFIER), and blanks and comments go to the hidden channel, where annotations are read.
 */
final class KeywordLexer extends PostgresLexer {
    private static final Map<String, Integer> KEYWORDS = keywords(PostgresLexer.VOCABULARY, PostgresParser.VOCABULARY);

    KeywordLexer(CharStream input) {
        super(input);
        removeErrorListeners(); // the catch-all OTHER rule means the lexer itself never fails
    }

    @Override
    public Token nextToken() {
        Token token = asKeyword(super.nextToken(), IDENTIFIER, KEYWORDS);
        int type = token.getType();
        if (type == WHITESPACE || type == LINE_COMMENT || type == BLOCK_COMMENT) {
            ((CommonToken) token).setChannel(Token.HIDDEN_CHANNEL);
        }
        return token;
    }

    /** The token with its key word's type when it is a word the parser knows as a key word. */
    static Token asKeyword(Token token, int identifierType, Map<String, Integer> keywords) {
        if (token.getType() == identifierType) {
            Integer keyword = keywords.get(token.getText().toUpperCase(Locale.ROOT));
            if (keyword != null) {
                ((CommonToken) token).setType(keyword);
            }
        }
        return token;
    }

    static boolean isKeyword(int tokenType) {
        return tokenType > PostgresLexer.VOCABULARY.getMaxTokenType();
    }

    /**
     * The parser's own token types (those the lexer does not define) are the key words: by name, the
     * key word's token type.
     */
    static Map<String, Integer> keywords(Vocabulary lexer, Vocabulary parser) {
        Map<String, Integer> keywords = new HashMap<>();
        for (int type = lexer.getMaxTokenType() + 1; type <= parser.getMaxTokenType(); type++) {
            String name = parser.getSymbolicName(type);
            if (name != null) {
                keywords.put(name, type);
            }
        }
        return keywords;
    }
}
