package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.CompositeType;

/** CreateCompositeType creates a stand-alone composite type. */
public record CreateCompositeType(CompositeType type) implements Creation {
    @Override
    public ObjectRef target() {
        return type.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateCompositeType(this);
    }
}
