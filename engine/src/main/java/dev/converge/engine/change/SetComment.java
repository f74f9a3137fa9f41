package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;

/** SetComment sets the comment of any object, or removes it when {@code comment} is null. */
public record SetComment(ObjectRef object, String comment) implements Change {
    @Override
    public ObjectRef target() {
        return object;
    }

    @Override
    public Action action() {
        return Action.ALTER;
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitSetComment(this);
    }
}
