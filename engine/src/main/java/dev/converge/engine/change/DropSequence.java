package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Sequence;

/** DropSequence drops a sequence. */
public record DropSequence(Sequence sequence) implements Removal {
    @Override
    public ObjectRef target() {
        return sequence.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropSequence(this);
    }
}
