package dev.converge.engine.change;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;

/**
 * Rename gives an existing object a new name in place ({@code ALTER ... RENAME}), keeping its data:
 * it is what a {@code -- converge:renamed-from old_name} annotation asks for instead of a drop and
 * a create. One kind of change for every kind of object: tables, columns, indexes, views,
 * sequences and constraints are all renamed the same way, by name.
 *
 * @param from the object as it is named now
 * @param to   its new name (the last part only: an object keeps its schema and table)
 */
public record Rename(ObjectRef from, String to) implements Alteration {
    public Rename {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
    }

    /** The object under its new name. */
    @Override
    public ObjectRef target() {
        if (!from.member().isEmpty()) {
            return ObjectRef.member(from.kind(), from.name(), to);
        }
        if (from.kind() == ObjectKind.SCHEMA) {
            return ObjectRef.schema(to);
        }
        return ObjectRef.of(from.kind(), QualifiedName.of(from.name().schema(), to));
    }

    /** The old name: the member for an object inside a table, else the object's own name. */
    public String fromName() {
        return from.member().isEmpty() ? from.name().name() : from.member();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRename(this);
    }
}
