package dev.converge.dialect.postgres.parse;

import dev.converge.dialect.postgres.SqlComments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GranteeNames reads the role names a GRANT or REVOKE statement names as grantees (after its
 * {@code TO} or {@code FROM}), so that an embedded shadow can have those roles before the statement
 * runs there. PUBLIC and the CURRENT_USER-like keywords are not roles to create. Quoted names keep
 * their case; unquoted ones are folded to lower case as the server folds them.
 */
final class GranteeNames {
    private static final Set<String> NOT_ROLES = Set.of("public", "current_user", "current_role", "session_user",
            "group");
    private static final Set<String> END = Set.of("with", "granted", "cascade", "restrict");

    private GranteeNames() {
    }

    /** The grantees of {@code sql} when it is a GRANT or REVOKE statement; empty otherwise. */
    static List<String> of(String sql) {
        List<Token> tokens = tokens(sql);
        if (tokens.isEmpty() || tokens.get(0).quoted()) {
            return List.of();
        }
        String verb = tokens.get(0).text();
        String keyword = verb.equals("grant") ? "to" : verb.equals("revoke") ? "from" : null;
        if (keyword == null) {
            return List.of();
        }
        int depth = 0;
        int start = -1;
        for (int i = 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
            if (depth == 0 && t.is(keyword)) {
                start = i + 1;
                break;
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = start; start >= 0 && i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.quoted() && END.contains(t.text())) {
                break;
            }
            if (t.is(",") || !t.quoted() && NOT_ROLES.contains(t.text())) {
                continue;
            }
            names.add(t.text());
        }
        return names;
    }

    /** A word (lower-cased), a quoted identifier (as written, unescaped) or one punctuation character. */
    private record Token(String text, boolean quoted) {
        boolean is(String word) {
            return !quoted && text.equals(word);
        }
    }

    private static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (SqlComments.startAt(sql, i)) {
                i = SqlComments.end(sql, i);
            } else if (c == '"') {
                StringBuilder name = new StringBuilder();
                i++;
                while (i < n) {
                    if (sql.charAt(i) == '"') {
                        if (i + 1 < n && sql.charAt(i + 1) == '"') {
                            name.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    name.append(sql.charAt(i++));
                }
                out.add(new Token(name.toString(), true));
            } else if (c == '\'') {
                int close = sql.indexOf('\'', i + 1);
                i = close < 0 ? n : close + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                out.add(new Token(sql.substring(start, i).toLowerCase(Locale.ROOT), false));
            } else {
                out.add(new Token(String.valueOf(c), false));
                i++;
            }
        }
        return out;
    }
}
