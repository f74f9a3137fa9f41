package dev.converge.engine.spi;

import java.util.List;

/**
 * SqlLexer reads SQL text as one dialect's server prints it (constraint, index, key and trigger
 * definitions, defaults, view bodies) into {@link SqlToken}s, and writes names and strings back the
 * way that server prints them. The engine rewrites names in such text only through a lexer, so that
 * string literals, comments and quoted bodies are never touched, and no dialect's quoting rules live
 * in the engine.
 */
public interface SqlLexer {
    /** The tokens of {@code sql}; their texts, joined, are {@code sql}. */
    List<SqlToken> tokens(String sql);

    /**
     * The name written as the server prints it where {@code like} stood (bare where it can be, quoted
     * otherwise; a dialect that quotes every name keeps the quotes).
     */
    String name(String name, SqlToken like);

    /** A string literal with this content. */
    String string(String value);

    /**
     * True when the server prints an object of the same schema with its schema's name (PostgreSQL);
     * false when it leaves it out (MySQL prints {@code `orders`}, not {@code `shop`.`orders`}), so that a
     * bare name of a renamed table is that table.
     */
    default boolean qualifiesNames() {
        return true;
    }
}
