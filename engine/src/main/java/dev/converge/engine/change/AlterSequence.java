package dev.converge.engine.change;

import dev.converge.engine.model.Sequence;

/** AlterSequence changes a sequence's options (type, start, increment, bounds, cache, cycle). */
public record AlterSequence(Sequence from, Sequence to) implements Transition {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterSequence(this);
    }
}
