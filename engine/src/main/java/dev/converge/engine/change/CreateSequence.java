package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Sequence;

/** CreateSequence creates a sequence (its owner is set by {@link SetSequenceOwner} once the column exists). */
public record CreateSequence(Sequence sequence) implements Creation {
    @Override
    public ObjectRef target() {
        return sequence.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateSequence(this);
    }
}
