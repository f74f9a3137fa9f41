package dev.converge.engine.change;

import dev.converge.engine.model.ForeignKey;
import dev.converge.engine.model.ObjectRef;

/** AddForeignKey adds a foreign key once both of its tables exist. */
public record AddForeignKey(ForeignKey foreignKey) implements Creation {
    @Override
    public ObjectRef target() {
        return foreignKey.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAddForeignKey(this);
    }
}
