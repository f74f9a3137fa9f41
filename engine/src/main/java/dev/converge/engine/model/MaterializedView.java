package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * MaterializedView is a materialized view: its query as the server deparses it, its storage options
 * and what it reads. It is compared like a view (replaced when its query changes or something it reads
 * changes under it); its indexes are indexes of the model like those of a table.
 *
 * @param options   reloptions, sorted
 * @param dependsOn the tables, columns, views, materialized views, types and routines it reads
 * @param comment   null when none
 */
public record MaterializedView(QualifiedName name, String definition, List<String> options, List<ObjectRef> dependsOn,
                               String comment) implements Referable {
    public MaterializedView {
        requireNonNull(name, "name is null");
        requireNonNull(definition, "definition is null");
        options = options == null ? List.of() : options.stream().sorted().toList();
        dependsOn = dependsOn == null ? List.of() : dependsOn.stream().sorted().distinct().toList();
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.MATERIALIZED_VIEW, name);
    }
}
