package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.CompositeType;

/** DropCompositeType drops a composite type. */
public record DropCompositeType(CompositeType type) implements Removal {
    @Override
    public ObjectRef target() {
        return type.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropCompositeType(this);
    }
}
