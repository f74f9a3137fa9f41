package dev.converge.engine.change;

import dev.converge.engine.model.Domain;

/** AlterDomain changes a domain's default, NOT NULL and check constraints in place. */
public record AlterDomain(Domain from, Domain to) implements Transition {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterDomain(this);
    }
}
