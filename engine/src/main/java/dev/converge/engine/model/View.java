package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * View is a (plain) view: its query as the server deparses it, its options, and the tables and views
 * it reads, which order it after them and force it to be recreated when their columns change type.
 *
 * @param options   reloptions such as {@code security_barrier=true}, sorted
 * @param dependsOn the tables (and, as COLUMN refs, the columns of them), views, types and sequences the
 *                  query reads
 * @param comment   null when none
 * @param columnComments the comments on the view's columns, by column name, sorted by name; columns
 *                  without a comment are absent
 */
public record View(QualifiedName name, String definition, List<String> options, List<ObjectRef> dependsOn,
                   String comment, Map<String, String> columnComments) implements Referable {
    public View {
        requireNonNull(name, "name is null");
        requireNonNull(definition, "definition is null");
        options = options == null ? List.of() : options.stream().sorted().toList();
        dependsOn = dependsOn == null ? List.of() : dependsOn.stream().sorted().distinct().toList();
        columnComments = columnComments == null ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(columnComments));
    }

    /** A view without column comments. */
    public View(QualifiedName name, String definition, List<String> options, List<ObjectRef> dependsOn,
                String comment) {
        this(name, definition, options, dependsOn, comment, Map.of());
    }

    /** The ref of one of the view's columns: a COLUMN member of the view's name, as for a table column. */
    public ObjectRef columnRef(String column) {
        return ObjectRef.member(ObjectKind.COLUMN, name, column);
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.VIEW, name);
    }
}
