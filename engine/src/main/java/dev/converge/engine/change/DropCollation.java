package dev.converge.engine.change;

import dev.converge.engine.model.Collation;
import dev.converge.engine.model.ObjectRef;

/** DropCollation drops a collation object (also the first half of replacing one: PostgreSQL cannot alter one). */
public record DropCollation(Collation collation) implements Removal {
    @Override
    public ObjectRef target() {
        return collation.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropCollation(this);
    }
}
