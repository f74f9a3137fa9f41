package dev.converge.engine.fleet;

import java.util.regex.Pattern;

/**
 * SqlRequalifier changes the schema qualifier of names in SQL text as a server deparses it (view
 * bodies, defaults, check constraints, types): {@code from.orders}, {@code "from".orders} and the
 * regclass literal {@code 'from.orders_id_seq'::regclass} become {@code to.orders}... It reads the
 * text with a small lexer so that string literals, comments and dollar-quoted bodies are left alone
 * (a regclass literal is the one string that names an object), and a name that only ends in the
 * schema's name ({@code x_from.t}) or follows a dot ({@code t.from.c}) is not touched.
 */
final class SqlRequalifier {
    private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_$]*");

    private final String from;
    private final String to;
    private final String toIdentifier;

    SqlRequalifier(String from, String to) {
        this.from = from;
        this.to = to;
        this.toIdentifier = BARE.matcher(to).matches() ? to : "\"" + to.replace("\"", "\"\"") + "\"";
    }

    String apply(String sql) {
        if (sql == null || !sql.contains(from)) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = endOfQuoted(sql, i, '\'');
                out.append(requalifyLiteral(sql, i, end));
                i = end;
            } else if (c == '"' || c == '`') {
                int end = endOfQuoted(sql, i, c);
                if (!afterDot(sql, i) && sql.substring(i + 1, end - 1).equals(quotedBody(c))
                        && end < n && sql.charAt(end) == '.') {
                    out.append(toIdentifier);
                } else {
                    out.append(sql, i, end);
                }
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close + tag.length();
                out.append(sql, i, end);
                i = end;
            } else if (isIdentStart(c)) {
                int end = i;
                while (end < n && isIdentPart(sql.charAt(end))) {
                    end++;
                }
                String word = sql.substring(i, end);
                if (word.equals(from) && end < n && sql.charAt(end) == '.' && !afterDot(sql, i)) {
                    out.append(toIdentifier);
                } else {
                    out.append(word);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String quotedBody(char quote) {
        return from.replace(String.valueOf(quote), String.valueOf(quote) + quote);
    }

    /** A literal naming an object ({@code 'from.seq'::regclass}) is requalified; other strings are data. */
    private String requalifyLiteral(String sql, int start, int end) {
        String literal = sql.substring(start, end);
        if (!sql.startsWith("::regclass", end) && !sql.startsWith("::pg_catalog.regclass", end)) {
            return literal;
        }
        String body = literal.substring(1, literal.length() - 1);
        String bareTo = toIdentifier.replace("'", "''");
        if (body.startsWith(from + ".")) {
            return "'" + bareTo + body.substring(from.length()) + "'";
        }
        String quoted = "\"" + from.replace("\"", "\"\"") + "\".";
        if (body.startsWith(quoted)) {
            return "'" + bareTo + body.substring(quoted.length() - 1) + "'";
        }
        return literal;
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

    private static String dollarTag(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(sql.charAt(start + 1)))) {
            return sql.substring(start, i + 1);
        }
        return null;
    }

    private static boolean afterDot(String sql, int at) {
        return at > 0 && sql.charAt(at - 1) == '.';
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
