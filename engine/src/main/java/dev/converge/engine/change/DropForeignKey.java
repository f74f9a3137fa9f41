package dev.converge.engine.change;

import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.ObjectRef;

/** DropForeignKey drops a foreign key. */
public record DropForeignKey(ForeignKey foreignKey) implements Removal {
    @Override
    public ObjectRef target() {
        return foreignKey.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropForeignKey(this);
    }
}
