package dev.converge.engine.source;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.ObjectRef;

/**
 * RenameAnnotation is a {@code -- converge:renamed-from old_name} on a declared object: the object
 * under its desired name, the name it had, and where the annotation is ({@code schema/a.sql:3}).
 */
public record RenameAnnotation(ObjectRef object, String oldName, String at) {
    public RenameAnnotation {
        requireNonNull(object, "object is null");
        requireNonNull(oldName, "oldName is null");
        requireNonNull(at, "at is null");
    }
}
