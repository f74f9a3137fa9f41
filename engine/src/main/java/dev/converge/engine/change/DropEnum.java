package dev.converge.engine.change;

import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.ObjectRef;

/** DropEnum drops an enum type no column uses any more. */
public record DropEnum(EnumType type) implements Removal {
    @Override
    public ObjectRef target() {
        return type.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropEnum(this);
    }
}
