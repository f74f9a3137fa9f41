package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Domain;

/** DropDomain drops a domain (also the first half of replacing one whose base type changes). */
public record DropDomain(Domain domain) implements Removal {
    @Override
    public ObjectRef target() {
        return domain.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropDomain(this);
    }
}
