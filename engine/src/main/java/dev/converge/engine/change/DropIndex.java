package dev.converge.engine.change;

import dev.converge.engine.model.Index;
import dev.converge.engine.model.ObjectRef;

/** DropIndex drops a stand-alone index. */
public record DropIndex(Index index) implements Removal {
    @Override
    public ObjectRef target() {
        return index.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropIndex(this);
    }
}
