package dev.converge.grammar.source;

import dev.converge.grammar.mysql.MysqlLexer;
import dev.converge.grammar.mysql.MysqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * MysqlExpectedTokens says what {@link MysqlParser} could have accepted as a reader would: {@code
 * <identifier>} for any name, {@code <expression>} for a value, {@code <data type>} after a column's
 * name, key words and punctuation as written. Where the grammar takes any text (a query, a routine
 * body, options the server checks), only the punctuation that would end that text is named.
 */
final class MysqlExpectedTokens {
    private static final Set<Integer> NAME_TOKENS = Set.of(MysqlLexer.IDENTIFIER, MysqlLexer.BACKQUOTED_NAME);
    /**
     * Key words that may be names: read from the grammar's nonReservedKeyword rule itself, so that a key
     * word added there is a name here too.
     */
    static final Set<Integer> NON_RESERVED = Set.copyOf(MysqlParser._ATN.nextTokens(
            MysqlParser._ATN.ruleToStartState[MysqlParser.RULE_nonReservedKeyword]).toList());

    private MysqlExpectedTokens() {
    }

    static String describe(IntervalSet expected, ParserRuleContext context) {
        List<Integer> types = expected.toList();
        List<String> words = new ArrayList<>();
        boolean anyText = types.contains(MysqlLexer.OTHER);
        if (context instanceof MysqlParser.ColumnDefinitionContext || context instanceof MysqlParser.TypeWordContext) {
            words.add("<data type>");
        } else if (!anyText && types.contains(MysqlParser.PRIMARY) && types.contains(MysqlParser.FOREIGN)
                && types.contains(MysqlLexer.IDENTIFIER)) {
            words.add("<column definition>");
            words.add("<table constraint>");
        } else if (!anyText && types.contains(MysqlLexer.NUMBER) && types.contains(MysqlLexer.STRING)) {
            words.add("<expression>");
        } else if (context instanceof MysqlParser.QueryContext) {
            words.add("<query>");
        } else if (context instanceof MysqlParser.BodyContext) {
            words.add("<statement>");
        } else if (anyText) {
            // Any text may come here (an expression, options): name only what would end it.
            for (int type : types) {
                if (type == MysqlLexer.CLOSE_PAREN || type == MysqlLexer.COMMA) {
                    words.add(tokenWord(type));
                }
            }
            if (words.isEmpty()) {
                words.add("more");
            }
        } else {
            boolean name = types.stream().anyMatch(NAME_TOKENS::contains);
            if (name) {
                words.add("<identifier>");
            }
            if (types.contains(MysqlLexer.STRING)) {
                words.add("<string>");
            }
            for (int type : types) {
                // With a name expected, the key words that may be names are not worth listing one by one.
                if (NAME_TOKENS.contains(type) || type == MysqlLexer.STRING || name && NON_RESERVED.contains(type)) {
                    continue;
                }
                String word = tokenWord(type);
                if (word != null && !words.contains(word)) {
                    words.add(word);
                }
            }
        }
        return ExpectedTokens.sentence(words);
    }

    /** A token as the user would write it: ')' , TABLE; null for a token never worth naming. */
    static String tokenWord(int type) {
        switch (type) {
            case Token.EOF: return "end of statement";
            case MysqlLexer.SEMI: return "';'";
            case MysqlLexer.OPEN_PAREN: return "'('";
            case MysqlLexer.CLOSE_PAREN: return "')'";
            case MysqlLexer.COMMA: return "','";
            case MysqlLexer.DOT: return "'.'";
            case MysqlLexer.EQUAL: return "'='";
            case MysqlLexer.AT_SIGN: return "'@'";
            case MysqlLexer.NUMBER: return "<number>";
            default:
                return MysqlKeywordLexer.isKeyword(type) ? MysqlParser.VOCABULARY.getSymbolicName(type) : null;
        }
    }
}
