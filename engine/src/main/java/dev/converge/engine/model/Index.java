package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Index is a stand-alone index (not the one behind a primary key or unique constraint, which belongs
 * to its constraint). Index names are unique within a schema, so the index is named by schema and
 * name, like a table.
 *
 * @param keys       key columns or expressions as the server prints them, with collation, operator
 *                   class and sort order ({@code lower(email)}, {@code created_at DESC})
 * @param include    INCLUDE columns
 * @param predicate  the WHERE of a partial index, or null
 * @param definition the server's canonical CREATE INDEX statement; equal definitions mean the same index
 * @param comment    null when none
 */
public record Index(QualifiedName name, QualifiedName table, boolean unique, String method, List<String> keys,
                    List<String> include, String predicate, String definition, String comment) {
    public Index {
        requireNonNull(name, "name is null");
        requireNonNull(table, "table is null");
        requireNonNull(method, "method is null");
        requireNonNull(definition, "definition is null");
        keys = List.copyOf(keys);
        include = List.copyOf(include);
    }

    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.INDEX, name);
    }
}
