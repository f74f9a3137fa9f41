package dev.converge.engine.change;

import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.ObjectRef;

/** DropSchema drops an (by then empty) schema. */
public record DropSchema(NamedSchema schema) implements Removal {
    @Override
    public ObjectRef target() {
        return schema.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropSchema(this);
    }
}
