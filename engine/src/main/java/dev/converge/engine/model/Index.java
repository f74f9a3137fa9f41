package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
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
 * @param parentIndex for a partition's copy of its parent's index (PostgreSQL makes it, names it and
 *                   drops it with the parent's index), the parent's index; null for an index of its own.
 *                   A copy is never created or dropped by a step, but it stays on a partition that is
 *                   detached, as an index of its own.
 * @param statistics statistics targets set on its columns, by column position; empty when it keeps the
 *                   defaults, and then left out of the model's JSON (fingerprints of models without
 *                   them stay what they were)
 */
public record Index(QualifiedName name, QualifiedName table, boolean unique, String method, List<String> keys,
                    List<String> include, String predicate, String definition, String comment,
                    @JsonInclude(JsonInclude.Include.NON_NULL) QualifiedName parentIndex,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<IndexStatistics> statistics) implements Referable {
    public Index {
        requireNonNull(name, "name is null");
        requireNonNull(table, "table is null");
        requireNonNull(method, "method is null");
        requireNonNull(definition, "definition is null");
        keys = List.copyOf(keys);
        include = List.copyOf(include);
        statistics = statistics == null ? List.of()
                : statistics.stream().sorted(Comparator.comparingInt(IndexStatistics::column)).toList();
    }

    /** An index without statistics targets of its own. */
    public Index(QualifiedName name, QualifiedName table, boolean unique, String method, List<String> keys,
                 List<String> include, String predicate, String definition, String comment, QualifiedName parentIndex) {
        this(name, table, unique, method, keys, include, predicate, definition, comment, parentIndex, List.of());
    }

    /** An index of its own (not a partition's copy of its parent's). */
    public Index(QualifiedName name, QualifiedName table, boolean unique, String method, List<String> keys,
                 List<String> include, String predicate, String definition, String comment) {
        this(name, table, unique, method, keys, include, predicate, definition, comment, null, List.of());
    }

    /** This index with {@code targets} as its columns' statistics targets. */
    public Index withStatistics(List<IndexStatistics> targets) {
        return new Index(name, table, unique, method, keys, include, predicate, definition, comment, parentIndex, targets);
    }

    /** True for a partition's copy of its parent's index (not serialized: parentIndex says it). */
    @JsonIgnore
    public boolean isCopy() {
        return parentIndex != null;
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.INDEX, name);
    }
}
