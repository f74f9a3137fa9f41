package dev.converge.dialect.mysql.parse;

import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.spi.SqlToken;
import dev.converge.engine.spi.SqlToken.Kind;
import dev.converge.grammar.mysql.MysqlLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * MysqlSqlLexer reads text the server printed (check clauses, generated columns, defaults, key and
 * trigger definitions) with the grammar's {@link MysqlLexer}, the splitter's lexical rules: backquoted
 * names, strings with backslash escapes (a character set introducer such as {@code _utf8mb4} is a word
 * before the string), and {@code #}, {@code -- } and block comments. The server prints every name
 * backquoted and leaves a name of the same database unqualified, so a renamed table's bare name is
 * that table.
 */
public final class MysqlSqlLexer implements SqlLexer {
    @Override
    public List<SqlToken> tokens(String sql) {
        MysqlLexer lexer = new MysqlLexer(CharStreams.fromString(sql)).withoutClientCommands();
        lexer.removeErrorListeners(); // the catch-all OTHER rule means the lexer itself never fails
        List<SqlToken> tokens = new ArrayList<>();
        for (Token token : lexer.getAllTokens()) {
            String text = token.getText();
            switch (token.getType()) {
                case MysqlLexer.IDENTIFIER -> tokens.add(SqlToken.of(Kind.NAME, text));
                case MysqlLexer.BACKQUOTED_NAME, MysqlLexer.UNTERMINATED_BACKQUOTED_NAME ->
                        tokens.add(new SqlToken(Kind.NAME, text, unquote(text, '`'), List.of()));
                case MysqlLexer.STRING, MysqlLexer.UNTERMINATED_STRING -> tokens.add(new SqlToken(Kind.STRING, text,
                        unquote(text.startsWith("N") || text.startsWith("n") ? text.substring(1) : text,
                                text.charAt(text.length() - 1) == '"' || text.startsWith("\"") ? '"' : '\''),
                        List.of()));
                case MysqlLexer.DOT -> tokens.add(SqlToken.of(Kind.DOT, text));
                default -> tokens.add(SqlToken.of(token.getChannel() == Token.HIDDEN_CHANNEL ? Kind.SPACE : Kind.OTHER,
                        text));
            }
        }
        return tokens;
    }

    private static String unquote(String text, char quote) {
        if (text.length() < 2 || text.charAt(text.length() - 1) != quote) {
            return text.substring(1); // not closed: the server never prints that, but nothing is lost
        }
        String body = text.substring(1, text.length() - 1).replace("" + quote + quote, String.valueOf(quote));
        return quote == '`' ? body : body.replace("\\'", "'").replace("\\\\", "\\");
    }

    @Override
    public String name(String name, SqlToken like) {
        if (!like.text().startsWith("`") && name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            return name;
        }
        return "`" + name.replace("`", "``") + "`";
    }

    @Override
    public String string(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public boolean qualifiesNames() {
        return false;
    }
}
