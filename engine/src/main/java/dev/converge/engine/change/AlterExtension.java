package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Extension;

/** AlterExtension updates an extension to another version. */
public record AlterExtension(Extension from, Extension to) implements Change {
    @Override
    public ObjectRef target() {
        return to.ref();
    }

    @Override
    public Action action() {
        return Action.ALTER;
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterExtension(this);
    }
}
