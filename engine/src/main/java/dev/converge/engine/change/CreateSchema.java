package dev.converge.engine.change;

import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.ObjectRef;

/** CreateSchema creates a schema (namespace). */
public record CreateSchema(NamedSchema schema) implements Change {
    @Override
    public ObjectRef target() {
        return schema.ref();
    }

    @Override
    public Action action() {
        return Action.CREATE;
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateSchema(this);
    }
}
