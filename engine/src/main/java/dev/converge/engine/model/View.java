package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * View is a (plain) view: its query as the server deparses it, its options, and the tables and views
 * it reads, which order it after them and force it to be recreated when their columns change type.
 *
 * @param options   reloptions such as {@code security_barrier=true}, sorted
 * @param dependsOn the tables, views, types and sequences the query reads
 * @param comment   null when none
 */
public record View(QualifiedName name, String definition, List<String> options, List<ObjectRef> dependsOn,
                   String comment) {
    public View {
        requireNonNull(name, "name is null");
        requireNonNull(definition, "definition is null");
        options = options == null ? List.of() : options.stream().sorted().toList();
        dependsOn = dependsOn == null ? List.of() : dependsOn.stream().sorted().distinct().toList();
    }

    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.VIEW, name);
    }
}
