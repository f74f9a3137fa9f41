package dev.converge.grammar.source;

import dev.converge.grammar.mysql.MysqlLexer;
import dev.converge.grammar.mysql.MysqlParser;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

/**
 * MysqlKeywordLexer is the {@link MysqlLexer} as {@link MysqlParser} needs it: a word the parser
 * grammar knows as a key word gets that token type (the lexer emits every word as IDENTIFIER); blanks,
 * comments and the marks of executable comments are already on the hidden channel.
 */
final class MysqlKeywordLexer extends MysqlLexer {
    private static final Map<String, Integer> KEYWORDS = keywords();

    MysqlKeywordLexer(CharStream input) {
        super(input);
        removeErrorListeners(); // the catch-all OTHER rule means the lexer itself never fails
    }

    @Override
    public Token nextToken() {
        Token token = super.nextToken();
        if (token.getType() == IDENTIFIER) {
            Integer keyword = KEYWORDS.get(token.getText().toUpperCase(Locale.ROOT));
            if (keyword != null) {
                ((CommonToken) token).setType(keyword);
            }
        }
        return token;
    }

    static boolean isKeyword(int tokenType) {
        return tokenType > MysqlLexer.VOCABULARY.getMaxTokenType();
    }

    /** The parser's own token types (those the lexer does not define) are the key words. */
    private static Map<String, Integer> keywords() {
        Vocabulary parser = MysqlParser.VOCABULARY;
        Map<String, Integer> keywords = new HashMap<>();
        for (int type = MysqlLexer.VOCABULARY.getMaxTokenType() + 1; type <= parser.getMaxTokenType(); type++) {
            String name = parser.getSymbolicName(type);
            if (name != null) {
                keywords.put(name, type);
            }
        }
        return keywords;
    }
}
