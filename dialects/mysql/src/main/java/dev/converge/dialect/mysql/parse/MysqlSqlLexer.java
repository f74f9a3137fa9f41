package dev.converge.dialect.mysql.parse;

import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.spi.SqlToken;
import dev.converge.engine.spi.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * MysqlSqlLexer reads text the server printed (check clauses, generated columns, defaults, key and
 * trigger definitions) by the splitter's lexical rules: backquoted names, strings with backslash
 * escapes (a character set introducer such as {@code _utf8mb4} is a word before the string), and
 * {@code #}, {@code -- } and block comments. The server prints every name backquoted and leaves a
 * name of the same database unqualified, so a renamed table's bare name is that table.
 */
public final class MysqlSqlLexer implements SqlLexer {
    @Override
    public List<SqlToken> tokens(String sql) {
        List<SqlToken> tokens = new ArrayList<>();
        int pos = 0;
        int n = sql.length();
        while (pos < n) {
            char c = sql.charAt(pos);
            int begin = pos;
            if (Character.isWhitespace(c)) {
                while (pos < n && Character.isWhitespace(sql.charAt(pos))) {
                    pos++;
                }
                tokens.add(SqlToken.of(Kind.SPACE, sql.substring(begin, pos)));
            } else if (c == '#' || c == '-' && sql.startsWith("--", pos)
                    && (pos + 2 >= n || Character.isWhitespace(sql.charAt(pos + 2)))) {
                pos = sql.indexOf('\n', pos);
                pos = pos < 0 ? n : pos;
                tokens.add(SqlToken.of(Kind.SPACE, sql.substring(begin, pos)));
            } else if (c == '/' && sql.startsWith("/*", pos)) {
                int end = sql.indexOf("*/", pos + 2);
                pos = end < 0 ? n : end + 2;
                tokens.add(SqlToken.of(Kind.SPACE, sql.substring(begin, pos)));
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = MysqlTokens.endOfQuoted(sql, pos, c);
                pos = end < 0 ? n : end;
                String text = sql.substring(begin, pos);
                tokens.add(c == '`' ? new SqlToken(Kind.NAME, text, unquote(text, c), List.of())
                        : new SqlToken(Kind.STRING, text, unquote(text, c), List.of()));
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                while (pos < n && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_'
                        || sql.charAt(pos) == '$')) {
                    pos++;
                }
                tokens.add(SqlToken.of(Kind.NAME, sql.substring(begin, pos)));
            } else {
                pos++;
                tokens.add(SqlToken.of(c == '.' ? Kind.DOT : Kind.OTHER, sql.substring(begin, pos)));
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
