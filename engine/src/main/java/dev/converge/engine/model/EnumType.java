package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** EnumType is an enum type with its labels in their sort order. @param comment null when none */
public record EnumType(QualifiedName name, List<String> labels, String comment) implements Referable {
    public EnumType {
        requireNonNull(name, "name is null");
        labels = List.copyOf(labels);
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.ENUM, name);
    }
}
