package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * CompositeType is a stand-alone composite type ({@code CREATE TYPE t AS (a int, b text)}) with its
 * attributes in their order.
 *
 * @param dependsOn the user types of its attributes
 * @param comment   null when none
 */
public record CompositeType(QualifiedName name, List<Attribute> attributes, List<ObjectRef> dependsOn, String comment)
        implements Referable {
    /** One attribute: its name, type as the server prints it, and collation (null when the type's default). */
    public record Attribute(String name, String type, String collation) {
        public Attribute {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    public CompositeType {
        requireNonNull(name, "name is null");
        attributes = List.copyOf(attributes);
        dependsOn = dependsOn == null ? List.of() : dependsOn.stream().sorted().distinct().toList();
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.COMPOSITE_TYPE, name);
    }
}
