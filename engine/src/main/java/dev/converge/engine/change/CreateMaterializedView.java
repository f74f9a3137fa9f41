package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.MaterializedView;

/** CreateMaterializedView creates and populates a materialized view (also the second half of replacing one). */
public record CreateMaterializedView(MaterializedView view) implements Creation {
    @Override
    public ObjectRef target() {
        return view.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateMaterializedView(this);
    }
}
