package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Extension;

/** AlterExtension updates an extension to another version. */
public record AlterExtension(Extension from, Extension to) implements Alteration {
    @Override
    public ObjectRef target() {
        return to.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterExtension(this);
    }
}
