package dev.converge.engine.change;

import dev.converge.engine.model.CompositeType;

/** AlterCompositeType adds, drops and retypes the attributes of a composite type in place. */
public record AlterCompositeType(CompositeType from, CompositeType to) implements Transition {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterCompositeType(this);
    }
}
