package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Routine;

/** DropRoutine drops a function or procedure (also the first half of replacing one). */
public record DropRoutine(Routine routine) implements Removal {
    @Override
    public ObjectRef target() {
        return routine.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropRoutine(this);
    }
}
