package dev.converge.grammar.support;

import dev.converge.grammar.mysql.MysqlLexer;
import dev.converge.grammar.postgres.PostgresLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * LeadingWords reads the first words of a statement (key words and unquoted identifiers, upper
 * case) with the dialect's own lexer, skipping blanks and comments and stopping at the first token
 * that is not a word; enough to tell {@code CREATE OR REPLACE VIEW} from {@code CREATE /* note *&#47; TABLE}
 * without a parser, and, on MySQL, to read through the openers of executable comments
 * ({@code /*!40101 SET NAMES utf8mb4 *&#47;}) as the server does.
 */
public final class LeadingWords {
    private LeadingWords() {
    }

    /** The first words of a PostgreSQL statement. */
    public static List<String> of(String sql, int max) {
        return read(new PostgresLexer(CharStreams.fromString(sql)), PostgresLexer.IDENTIFIER,
                type -> type == PostgresLexer.WHITESPACE || type == PostgresLexer.LINE_COMMENT
                        || type == PostgresLexer.BLOCK_COMMENT, max);
    }

    /** The first words of a MySQL or MariaDB statement: its lexer puts blanks and comment marks on the hidden channel. */
    public static List<String> ofMysql(String sql, int max) {
        return read(new MysqlLexer(CharStreams.fromString(sql)), MysqlLexer.IDENTIFIER, type -> false, max);
    }

    private static List<String> read(Lexer lexer, int wordType, IntPredicate blank, int max) {
        lexer.removeErrorListeners();
        List<String> words = new ArrayList<>();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF && words.size() < max;
                token = lexer.nextToken()) {
            if (token.getChannel() != Token.DEFAULT_CHANNEL || blank.test(token.getType())) {
                continue;
            }
            if (token.getType() != wordType) {
                break;
            }
            words.add(token.getText().toUpperCase(Locale.ROOT));
        }
        return words;
    }
}
