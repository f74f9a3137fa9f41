package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Policy;

/** CreatePolicy creates a row-level security policy (also the second half of replacing one). */
public record CreatePolicy(Policy policy) implements Creation {
    @Override
    public ObjectRef target() {
        return policy.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreatePolicy(this);
    }
}
