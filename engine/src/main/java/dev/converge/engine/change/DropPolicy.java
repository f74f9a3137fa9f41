package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Policy;

/** DropPolicy drops a row-level security policy (also the first half of replacing one). */
public record DropPolicy(Policy policy) implements Removal {
    @Override
    public ObjectRef target() {
        return policy.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropPolicy(this);
    }
}
