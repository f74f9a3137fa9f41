package dev.converge.engine.diff;

import dev.converge.engine.model.Index;
import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.spi.SqlToken;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IndexColumns tells how an index reads a column, from the server's own text of its keys, INCLUDE
 * columns and predicate, without knowing the dialect's syntax: a key that is the column's name alone
 * (bare, or quoted as the dialect's {@link SqlLexer} reads a quoted name, with a sort order) is a plain
 * key; any other text that names the column (an expression, an operator class, the predicate) reads it
 * in an expression. A name that only looks like the column (a function or a string of that name) counts
 * as a read: the answer errs towards "reads", whose cost is the older drop-then-create form, never an
 * index that stands in a type change's way. Without a lexer (a differ made for a description only), a
 * quoted key counts as a read for the same reason.
 */
final class IndexColumns {
    private static final Pattern SORT_ORDER = Pattern.compile("(?i)(\\s+(ASC|DESC|NULLS\\s+(FIRST|LAST)))*$");

    private final SqlLexer lexer;

    /** @param lexer the dialect's lexer, which knows its quoted names; null when there is none */
    IndexColumns(SqlLexer lexer) {
        this.lexer = lexer;
    }

    /** True when {@code index} reads {@code column} anywhere but as a plain key or INCLUDE column. */
    boolean readsInExpression(Index index, String column) {
        for (String key : index.keys()) {
            String bare = SORT_ORDER.matcher(key.strip()).replaceFirst("");
            if (!isName(bare, column) && mentions(key, column)) {
                return true;
            }
        }
        return index.predicate() != null && mentions(index.predicate(), column);
    }

    private boolean isName(String text, String column) {
        if (text.equalsIgnoreCase(column)) {
            return true;
        }
        if (lexer == null) {
            return false;
        }
        List<SqlToken> tokens = lexer.tokens(text).stream().filter(t -> !t.is(SqlToken.Kind.SPACE)).toList();
        return tokens.size() == 1 && isColumn(tokens.get(0), column);
    }

    /** True when {@code text} holds {@code column} as a word (any case) or as a quoted identifier. */
    private boolean mentions(String text, String column) {
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(column) + "(?![\\w$])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return word.matcher(text).find()
                || lexer != null && lexer.tokens(text).stream().anyMatch(t -> isColumn(t, column));
    }

    /** A quoted name is the column only when it is spelt exactly so; a bare one in any case. */
    private static boolean isColumn(SqlToken token, String column) {
        return token.is(SqlToken.Kind.NAME) && (token.value().equals(column)
                || token.text().equals(token.value()) && token.value().equalsIgnoreCase(column));
    }
}
