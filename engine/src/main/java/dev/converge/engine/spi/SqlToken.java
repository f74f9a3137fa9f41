package dev.converge.engine.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * SqlToken is one piece of SQL text as a dialect's lexer reads it. The texts of a lexer's tokens,
 * joined, give back the text exactly, so that a rewriter changes only the tokens it means to.
 *
 * @param kind   what the piece is
 * @param text   the piece as written
 * @param value  for a {@link Kind#NAME}, the name it stands for (quotes removed, as the server compares
 *               it); for a {@link Kind#STRING} or {@link Kind#NAME_STRING}, the literal's content;
 *               otherwise the text
 * @param castTo for a string literal the dialect writes with a type (a label of an enum type), the
 *               parts of that type's name; empty otherwise
 */
public record SqlToken(Kind kind, String text, String value, List<String> castTo) {
    /** Kinds of token the engine tells apart; the rest is {@link #OTHER} and is never rewritten. */
    public enum Kind {
        /** An identifier, bare or quoted: a candidate for a rename. */
        NAME,
        /** The dot between the parts of a qualified name. */
        DOT,
        /** A string literal: data, never rewritten unless it is a label being renamed. */
        STRING,
        /** A string literal whose content is the name of an object (its qualified name, as text). */
        NAME_STRING,
        /** White space and comments: skipped when looking for the previous or next token. */
        SPACE,
        /** Anything else: keywords the lexer cannot tell from names are {@link #NAME}s. */
        OTHER
    }

    public SqlToken {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
        requireNonNull(value, "value is null");
        castTo = List.copyOf(castTo);
    }

    public static SqlToken of(Kind kind, String text) {
        return new SqlToken(kind, text, text, List.of());
    }

    public boolean is(Kind k) {
        return kind == k;
    }
}
