package dev.converge.engine.change;

import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.ObjectRef;

/** CreateEnum creates an enum type with all its labels. */
public record CreateEnum(EnumType type) implements Creation {
    @Override
    public ObjectRef target() {
        return type.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateEnum(this);
    }
}
