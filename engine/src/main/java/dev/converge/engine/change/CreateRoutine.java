package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Routine;

/** CreateRoutine creates a function or procedure (also the second half of replacing one whose signature or result changes). */
public record CreateRoutine(Routine routine) implements Creation {
    @Override
    public ObjectRef target() {
        return routine.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateRoutine(this);
    }
}
