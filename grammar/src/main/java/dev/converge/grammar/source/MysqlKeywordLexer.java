package dev.converge.grammar.source;

import dev.converge.grammar.mysql.MysqlLexer;
import dev.converge.grammar.mysql.MysqlParser;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;

/**
 * MysqlKeywordLexer is the {@link MysqlLexer} as {@link MysqlParser} needs it: a word the parser
 * grammar knows as a key word gets that token type (the lexer emits every word as IDENTIFIER); blanks,
 * comments and the marks of executable comments are already on the hidden channel.
 */
final class MysqlKeywordLexer extends MysqlLexer {
    private static final Map<String, Integer> KEYWORDS = KeywordLexer.keywords(MysqlLexer.VOCABULARY,
            MysqlParser.VOCABULARY);

    MysqlKeywordLexer(CharStream input) {
        super(input);
        removeErrorListeners(); // the catch-all OTHER rule means the lexer itself never fails
    }

    @Override
    public Token nextToken() {
        return KeywordLexer.asKeyword(super.nextToken(), IDENTIFIER, KEYWORDS);
    }

    static boolean isKeyword(int tokenType) {
        return tokenType > MysqlLexer.VOCABULARY.getMaxTokenType();
    }
}
