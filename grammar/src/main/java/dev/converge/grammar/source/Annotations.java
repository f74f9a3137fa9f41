package dev.converge.grammar.source;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Annotations reads {@code converge:} annotations out of comments: {@code -- converge:NAME arg} or
 * {@code /* converge:NAME arg *}{@code /}. A comment that does not start with {@code converge:} is
 * an ordinary comment.
 */
public final class Annotations {
    public static final String PREFIX = "converge:";
    public static final List<String> KNOWN = List.of(Annotation.IGNORE, Annotation.RENAMED_FROM, Annotation.ALLOW);

    private Annotations() {
    }

    public static Optional<Annotation> of(String comment, int offset) {
        String body;
        if (comment.startsWith("--")) {
            body = comment.substring(2);
        } else if (comment.startsWith("/*")) {
            body = comment.substring(2, comment.endsWith("*/") && comment.length() >= 4 ? comment.length() - 2
                    : comment.length());
        } else {
            return Optional.empty();
        }
        body = body.strip();
        if (!body.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = body.substring(PREFIX.length());
        int space = indexOfWhitespace(rest);
        String name = (space < 0 ? rest : rest.substring(0, space)).toLowerCase(Locale.ROOT);
        String argument = space < 0 ? "" : rest.substring(space).strip();
        return Optional.of(new Annotation(name, argument, offset));
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
