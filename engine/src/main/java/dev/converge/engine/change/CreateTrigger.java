package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Trigger;

/** CreateTrigger creates a trigger, then sets its enable state when that is not the default (also the second half of replacing one). */
public record CreateTrigger(Trigger trigger) implements Creation {
    @Override
    public ObjectRef target() {
        return trigger.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateTrigger(this);
    }
}
