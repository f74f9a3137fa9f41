package dev.converge.engine.change;

import dev.converge.engine.model.Index;
import dev.converge.engine.model.ObjectRef;

/** CreateIndex creates a stand-alone index. */
public record CreateIndex(Index index) implements Creation {
    @Override
    public ObjectRef target() {
        return index.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateIndex(this);
    }
}
