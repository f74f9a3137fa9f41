package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

/** NamedSchema is a schema (namespace) the project owns. @param comment null when none */
public record NamedSchema(String name, String comment) implements Referable {
    public NamedSchema {
        requireNonNull(name, "name is null");
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.schema(name);
    }
}
