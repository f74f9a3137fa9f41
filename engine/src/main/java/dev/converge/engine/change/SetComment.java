package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;

/** SetComment sets the comment of any object, or removes it when {@code comment} is null. */
public record SetComment(ObjectRef object, String comment) implements ObjectAlteration {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitSetComment(this);
    }
}
