package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Sequence;

/** SetSequenceOwner sets OWNED BY of a sequence to {@code sequence.ownedBy()}, or to NONE when that is null. */
public record SetSequenceOwner(Sequence sequence) implements Alteration {
    @Override
    public ObjectRef target() {
        return sequence.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitSetSequenceOwner(this);
    }
}
