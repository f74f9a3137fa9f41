package dev.converge.engine.change;

import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.ObjectRef;

/** CreateSchema creates a schema (namespace). */
public record CreateSchema(NamedSchema schema) implements Creation {
    @Override
    public ObjectRef target() {
        return schema.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateSchema(this);
    }
}
