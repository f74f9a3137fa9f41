package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Extension;

/** DropExtension removes an extension and the objects it installed. */
public record DropExtension(Extension extension) implements Removal {
    @Override
    public ObjectRef target() {
        return extension.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropExtension(this);
    }
}
