package dev.converge.grammar.source;

import dev.converge.grammar.postgres.PostgresLexer;
import dev.converge.grammar.postgres.PostgresParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ExpectedTokens summarises the set of tokens a parser could have accepted as a reader would say
 * it: {@code <identifier>} for any name, {@code <expression>} where almost anything may follow,
 * punctuation and key words as written, at most a handful of them.
 */
final class ExpectedTokens {
    private static final int MAX_SHOWN = 6;
    private static final Set<Integer> NAME_TOKENS = Set.of(PostgresLexer.IDENTIFIER,
            PostgresLexer.QUOTED_IDENTIFIER, PostgresLexer.UNICODE_QUOTED_IDENTIFIER);
    private static final Set<Integer> LITERAL_TOKENS = Set.of(PostgresLexer.STRING, PostgresLexer.ESCAPE_STRING,
            PostgresLexer.UNICODE_STRING, PostgresLexer.DOLLAR_STRING);

    private ExpectedTokens() {
    }

    static String describe(IntervalSet expected) {
        List<String> words = new ArrayList<>();
        List<Integer> types = expected.toList();
        if (types.contains(PostgresLexer.NUMBER) && types.contains(PostgresLexer.STRING)) {
            // Where a number and a string may both come, an expression is expected.
            words.add("<expression>");
        } else if (types.contains(PostgresLexer.IDENTIFIER) && types.contains(PostgresParser.PRIMARY)
                && types.contains(PostgresParser.LIKE)) {
            words.add("<column definition>");
            words.add("<table constraint>");
        } else {
            boolean name = expected.toList().stream().anyMatch(NAME_TOKENS::contains);
            if (name) {
                words.add("<identifier>");
            }
            boolean literal = expected.toList().stream().anyMatch(LITERAL_TOKENS::contains);
            if (literal) {
                words.add("<string>");
            }
            for (int type : expected.toList()) {
                // With a name expected, the key words that may be names are not worth listing one by one.
                if (NAME_TOKENS.contains(type) || LITERAL_TOKENS.contains(type) || name && isNonReserved(type)) {
                    continue;
                }
                String word = tokenWord(type);
                if (word != null && !words.contains(word)) {
                    words.add(word);
                }
            }
        }
        return sentence(words);
    }

    /** The words as a list a reader would say: "a", "a or b", "a, b or c", at most a handful then "...". */
    static String sentence(List<String> found) {
        List<String> words = new ArrayList<>(found);
        if (words.contains("';'")) {
            words.remove("end of statement"); // the same thing, said twice
        }
        if (words.isEmpty()) {
            return "more";
        }
        if (words.size() > MAX_SHOWN) {
            return String.join(", ", words.subList(0, MAX_SHOWN)) + ", ...";
        }
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** A token as the user would write it: ')' , TABLE; null for a token never worth naming. */
    static String tokenWord(int type) {
        if (type == Token.EOF) {
            return "end of statement";
        }
        switch (type) {
            case PostgresLexer.SEMI: return "';'";
            case PostgresLexer.OPEN_PAREN: return "'('";
            case PostgresLexer.CLOSE_PAREN: return "')'";
            case PostgresLexer.OPEN_BRACKET: return "'['";
            case PostgresLexer.CLOSE_BRACKET: return "']'";
            case PostgresLexer.COMMA: return "','";
            case PostgresLexer.TYPECAST: return "'::'";
            case PostgresLexer.DOT: return "'.'";
            case PostgresLexer.COLON: return "':'";
            case PostgresLexer.NUMBER: return "<number>";
            case PostgresLexer.OPERATOR: return "<operator>";
            default:
                break;
        }
        if (KeywordLexer.isKeyword(type)) {
            return PostgresParser.VOCABULARY.getSymbolicName(type);
        }
        return null;
    }

    static boolean isNonReserved(int type) {
        return KeywordLexer.isKeyword(type) && !ReservedWords.isReserved(
                PostgresParser.VOCABULARY.getSymbolicName(type).toLowerCase(Locale.ROOT));
    }
}
