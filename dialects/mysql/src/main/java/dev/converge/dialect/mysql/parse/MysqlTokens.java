package dev.converge.dialect.mysql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MysqlTokens cuts one statement into the tokens the source reader needs to find what a statement
 * declares: words, backquoted names, strings, single characters and comments, each with its offset in
 * the statement. It follows the splitter's lexical rules ({@code #} and {@code -- } comments, strings
 * with backslash escapes); a statement reaching it is already known to be well formed.
 */
final class MysqlTokens {
    enum Type { WORD, NAME, STRING, SYMBOL, COMMENT }

    record Token(Type type, String text, int offset) {
        /** The name a word or backquoted name stands for, as the server stores it. */
        String name() {
            return type == Type.NAME ? text.substring(1, text.length() - 1).replace("``", "`") : text;
        }

        boolean is(String word) {
            return type == Type.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char c) {
            return type == Type.SYMBOL && text.charAt(0) == c;
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private MysqlTokens() {
    }

    static List<Token> of(String sql) {
        List<Token> tokens = new ArrayList<>();
        int pos = 0;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            int begin = pos;
            if (Character.isWhitespace(c)) {
                pos++;
                continue;
            }
            if (c == '#' || c == '-' && sql.startsWith("--", pos)
                    && (pos + 2 >= sql.length() || Character.isWhitespace(sql.charAt(pos + 2)))) {
                pos = sql.indexOf('\n', pos);
                pos = pos < 0 ? sql.length() : pos;
                tokens.add(new Token(Type.COMMENT, sql.substring(begin, pos), begin));
            } else if (c == '/' && sql.startsWith("/*", pos) && !sql.startsWith("/*!", pos)) {
                int end = sql.indexOf("*/", pos + 2);
                pos = end < 0 ? sql.length() : end + 2;
                tokens.add(new Token(Type.COMMENT, sql.substring(begin, pos), begin));
            } else if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(sql, pos, c);
                pos = end < 0 ? sql.length() : end;
                tokens.add(new Token(c == '`' ? Type.NAME : Type.STRING, sql.substring(begin, pos), begin));
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                while (pos < sql.length() && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '_'
                        || sql.charAt(pos) == '$')) {
                    pos++;
                }
                tokens.add(new Token(Type.WORD, sql.substring(begin, pos), begin));
            } else {
                pos++;
                tokens.add(new Token(Type.SYMBOL, String.valueOf(c), begin));
            }
        }
        return tokens;
    }

    /**
     * The offset just after the string or backquoted name that opens at {@code pos} (backslash escapes
     * in strings, the quote doubled in both), or -1 when it is not closed. The splitter's rule too.
     */
    static int endOfQuoted(String sql, int pos, char quote) {
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == '\\' && quote != '`') {
                pos += 2;
            } else if (c == quote) {
                if (pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
                    pos += 2;
                } else {
                    return pos + 1;
                }
            } else {
                pos++;
            }
        }
        return -1;
    }
}
