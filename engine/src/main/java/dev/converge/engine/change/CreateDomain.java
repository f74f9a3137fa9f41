package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Domain;

/** CreateDomain creates a domain with its default, NOT NULL and checks (also the second half of replacing one). */
public record CreateDomain(Domain domain) implements Creation {
    @Override
    public ObjectRef target() {
        return domain.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateDomain(this);
    }
}
