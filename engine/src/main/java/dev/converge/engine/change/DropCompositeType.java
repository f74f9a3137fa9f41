package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.CompositeType;

/** DropCompositeType drops a composite type. */
public record DropCompositeType(CompositeType type) implements Change {
    @Override
    public ObjectRef target() {
        return type.ref();
    }

    @Override
    public Action action() {
        return Action.DROP;
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropCompositeType(this);
    }
}
