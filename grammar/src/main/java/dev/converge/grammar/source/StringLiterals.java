package dev.converge.grammar.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * StringLiterals reads the value of a standard string literal and, for {@code nextval('s')} and
 * {@code 'x'::regclass}, the relation name written inside it (PostgreSQL parses that text as a
 * possibly quoted, possibly qualified name).
 */
final class StringLiterals {
    private StringLiterals() {
    }

    /** The value of {@code 'it''s'}: {@code it's}. */
    static String value(String literal) {
        String body = literal.startsWith("'") ? literal : literal.substring(literal.indexOf('\''));
        return body.substring(1, body.length() - 1).replace("''", "'");
    }

    /** The name inside a literal such as {@code 'sales."Order_seq"'}, or empty when it is not a name. */
    static Optional<SqlName> name(String literal) {
        String text = value(literal).strip();
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                int end = i + 1;
                StringBuilder part = new StringBuilder();
                while (end < text.length()) {
                    if (text.charAt(end) == '"') {
                        if (end + 1 < text.length() && text.charAt(end + 1) == '"') {
                            part.append('"');
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    part.append(text.charAt(end++));
                }
                if (end >= text.length()) {
                    return Optional.empty();
                }
                parts.add(part.toString());
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && text.charAt(end) != '.') {
                    end++;
                }
                String part = text.substring(i, end);
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(part.toLowerCase(Locale.ROOT));
                i = end;
            }
            if (i < text.length()) {
                if (text.charAt(i) != '.') {
                    return Optional.empty();
                }
                i++;
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(new SqlName(parts));
    }
}
