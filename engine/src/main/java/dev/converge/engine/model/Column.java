package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Column is one column of a table, in the server's canonical spelling (the type as the server
 * formats it, the default and generation expressions as the server deparses them).
 *
 * @param type                 the full type with modifiers, schema-qualified when user-defined
 *                             ({@code character varying(20)}, {@code public.mood[]})
 * @param defaultExpression    the default expression, or null
 * @param identity             identity kind; NONE for ordinary columns
 * @param identityOptions      the options of the identity sequence; null for a column that is no identity,
 *                             and allowed to be null for one that is (unknown: never compared)
 * @param generatedExpression  the expression of a STORED generated column, or null
 * @param collation            the collation when it differs from the type's default, or null; SQL text
 *                             ready to follow COLLATE, quoted as the server quotes it ({@code "C"},
 *                             {@code public.my_coll})
 * @param comment              null when none
 * @param dependsOn            user-defined objects the column needs: its type, sequences in its
 *                             default; used to order steps, never compared as a difference of its own
 * @param settings             physical settings (storage, statistics target) set on the column;
 *                             null when it keeps the defaults, and then left out of the model's JSON, so
 *                             fingerprints of models without them stay what they were
 */
public record Column(String name, String type, boolean notNull, String defaultExpression, Identity identity,
                     IdentityOptions identityOptions, String generatedExpression, String collation, String comment, List<ObjectRef> dependsOn,
                     @JsonInclude(JsonInclude.Include.NON_NULL) ColumnSettings settings) {
    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        identity = identity == null ? Identity.NONE : identity;
        if (identity == Identity.NONE && identityOptions != null) {
            throw new IllegalArgumentException("column " + name + " is no identity but has identity options");
        }
        dependsOn = dependsOn == null ? List.of() : dependsOn.stream().sorted().distinct().toList();
    }

    /** A column that keeps the server's default physical settings. */
    public Column(String name, String type, boolean notNull, String defaultExpression, Identity identity,
                  IdentityOptions identityOptions, String generatedExpression, String collation, String comment,
                  List<ObjectRef> dependsOn) {
        this(name, type, notNull, defaultExpression, identity, identityOptions, generatedExpression, collation,
                comment, dependsOn, null);
    }

    /** A plain column: the common case in tests and generators. */
    public static Column of(String name, String type, boolean notNull) {
        return new Column(name, type, notNull, null, Identity.NONE, null, null, null, null, List.of());
    }

    /** An identity column (NOT NULL, as the server makes it) with the given sequence options. */
    public static Column identity(String name, String type, Identity identity, IdentityOptions options) {
        return new Column(name, type, true, null, identity, options, null, null, null, List.of());
    }
}
