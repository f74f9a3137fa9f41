package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.MaterializedView;

/** DropMaterializedView drops a materialized view and its indexes (also the first half of replacing one). */
public record DropMaterializedView(MaterializedView view) implements Removal {
    @Override
    public ObjectRef target() {
        return view.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropMaterializedView(this);
    }
}
