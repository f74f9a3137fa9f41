package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Extension;

/** CreateExtension installs an extension in its schema at its version. */
public record CreateExtension(Extension extension) implements Creation {
    @Override
    public ObjectRef target() {
        return extension.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateExtension(this);
    }
}
