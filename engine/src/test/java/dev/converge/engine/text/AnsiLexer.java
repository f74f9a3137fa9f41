package dev.converge.engine.text;

import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.spi.SqlToken;
import dev.converge.engine.spi.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * AnsiLexer reads the SQL standard's lexical rules only ('strings', "names", -- and block comments),
 * so that the engine's rewriting is tested with no dialect on the classpath. A string followed by
 * {@code ::name} is treated as naming an object, so that the engine's handling of such strings is
 * tested too (that spelling is the test's own convention, not any dialect's).
 */
public final class AnsiLexer implements SqlLexer {
    @Override
    public List<SqlToken> tokens(String sql) {
        List<SqlToken> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (c == '\'' || c == '"') {
                i = endOfQuoted(sql, i, c);
                String text = sql.substring(start, i);
                String value = text.substring(1, text.length() - 1).replace("" + c + c, "" + c);
                Kind kind = c == '"' ? Kind.NAME : sql.startsWith("::name", i) ? Kind.NAME_STRING : Kind.STRING;
                tokens.add(new SqlToken(kind, text, value, List.of()));
            } else if (c == '-' && sql.startsWith("--", i)) {
                i = sql.indexOf('\n', i) < 0 ? n : sql.indexOf('\n', i);
                tokens.add(SqlToken.of(Kind.SPACE, sql.substring(start, i)));
            } else if (c == '/' && sql.startsWith("/*", i)) {
                i = sql.indexOf("*/", i) < 0 ? n : sql.indexOf("*/", i) + 2;
                tokens.add(SqlToken.of(Kind.SPACE, sql.substring(start, i)));
            } else if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(sql.charAt(i))) {
                    i++;
                }
                tokens.add(SqlToken.of(Kind.SPACE, sql.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(SqlToken.of(Kind.NAME, sql.substring(start, i)));
            } else {
                i++;
                tokens.add(SqlToken.of(c == '.' ? Kind.DOT : Kind.OTHER, sql.substring(start, i)));
            }
        }
        return tokens;
    }

    @Override
    public String name(String name, SqlToken like) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static int endOfQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
