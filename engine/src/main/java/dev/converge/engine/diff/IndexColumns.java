package dev.converge.engine.diff;

import dev.converge.engine.model.Index;
import java.util.regex.Pattern;

/**
 * IndexColumns tells how an index reads a column, from the server's own text of its keys, INCLUDE
 * columns and predicate, without knowing the dialect's syntax: a key that is the column's name alone
 * (quoted or not, with a sort order) is a plain key; any other text that names the column (an
 * expression, an operator class, the predicate) reads it in an expression. A name that only looks like
 * the column (a function or a string of that name) counts as a read: the answer errs towards "reads",
 * whose cost is the older drop-then-create form, never an index that stands in a type change's way.
 */
final class IndexColumns {
    private static final Pattern SORT_ORDER = Pattern.compile("(?i)(\\s+(ASC|DESC|NULLS\\s+(FIRST|LAST)))*$");

    private IndexColumns() {
    }

    /** True when {@code index} reads {@code column} anywhere but as a plain key or INCLUDE column. */
    static boolean readsInExpression(Index index, String column) {
        for (String key : index.keys()) {
            String bare = SORT_ORDER.matcher(key.strip()).replaceFirst("");
            if (!isName(bare, column) && mentions(key, column)) {
                return true;
            }
        }
        return index.predicate() != null && mentions(index.predicate(), column);
    }

    private static boolean isName(String text, String column) {
        return text.equalsIgnoreCase(column) || text.equals(quoted(column, '"')) || text.equals(quoted(column, '`'));
    }

    /** True when {@code text} holds {@code column} as a word (any case) or as a quoted identifier. */
    static boolean mentions(String text, String column) {
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(column) + "(?![\\w$])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return word.matcher(text).find() || text.contains(quoted(column, '"')) || text.contains(quoted(column, '`'));
    }

    private static String quoted(String name, char quote) {
        String q = String.valueOf(quote);
        return q + name.replace(q, q + q) + q;
    }
}
