package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Trigger;

/** DropTrigger drops a trigger (also the first half of replacing one). */
public record DropTrigger(Trigger trigger) implements Removal {
    @Override
    public ObjectRef target() {
        return trigger.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropTrigger(this);
    }
}
