package dev.converge.engine.change;

import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.ObjectRef;

/** AddEnumValue adds one label to an enum type, before the label {@code before}, or last when that is null. */
public record AddEnumValue(EnumType type, String value, String before) implements Alteration {
    @Override
    public ObjectRef target() {
        return type.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAddEnumValue(this);
    }
}
