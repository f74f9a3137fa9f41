package dev.converge.grammar.source;

import dev.converge.grammar.mysql.MysqlLexer;
import dev.converge.grammar.mysql.MysqlParser;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * MysqlSyntaxHints says what probably went wrong at a MySQL syntax error, for the mistakes people
 * make most: PostgreSQL syntax in a MySQL project, a missing ';' between statements, a reserved word
 * used as a name. Returns null when no hint would help more than the message.
 */
final class MysqlSyntaxHints {
    private static final Set<Integer> STATEMENT_STARTS = Set.of(MysqlParser.CREATE, MysqlParser.ALTER,
            MysqlParser.DROP);

    private MysqlSyntaxHints() {
    }

    static String hint(Token found, boolean nameExpected, boolean atLineStart) {
        String text = found.getText();
        String word = text.toLowerCase(Locale.ROOT);
        if (nameExpected && found.getType() == MysqlLexer.STRING && text.startsWith("\"")) {
            return "double quotes make a string in MySQL: quote names with backquotes (`name`)";
        }
        if (word.equals("identity") || word.equals("serial")) {
            return text.toUpperCase(Locale.ROOT) + " columns are PostgreSQL syntax: write AUTO_INCREMENT";
        }
        if (text.equals("::")) {
            return "'::' casts are PostgreSQL syntax: write CAST(value AS type)";
        }
        if (STATEMENT_STARTS.contains(found.getType()) && atLineStart) {
            return "a ';' is probably missing at the end of the previous statement";
        }
        if (nameExpected && MysqlKeywordLexer.isKeyword(found.getType())
                && !MysqlExpectedTokens.NON_RESERVED.contains(found.getType())) {
            return "'" + word + "' is a reserved word in MySQL: quote it (`" + word
                    + "`) to use it as a name, or choose another name";
        }
        return null;
    }
}
