package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Domain;

/** AlterDomain changes a domain's default, NOT NULL and check constraints in place. */
public record AlterDomain(Domain from, Domain to) implements Alteration {
    @Override
    public ObjectRef target() {
        return to.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterDomain(this);
    }
}
