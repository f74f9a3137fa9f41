package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

/**
 * Extension is an installed extension: its name, the schema its objects live in, and its version.
 * The objects it installs are its own business and are never compared one by one.
 *
 * @param comment null when none (CREATE EXTENSION sets the extension's own comment; only a
 *                different one is compared)
 */
public record Extension(String name, String schema, String version, String comment) implements Referable {
    public Extension {
        requireNonNull(name, "name is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(version, "version is null");
    }

    /** Extensions are named without a schema; the ref keeps the schema only to order it after its creation. */
    @Override
    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.EXTENSION, QualifiedName.of(schema, name));
    }
}
