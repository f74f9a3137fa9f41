package dev.converge.engine.change;

import dev.converge.engine.model.Collation;
import dev.converge.engine.model.ObjectRef;

/** CreateCollation creates a collation object (also the second half of replacing one). */
public record CreateCollation(Collation collation) implements Creation {
    @Override
    public ObjectRef target() {
        return collation.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateCollation(this);
    }
}
