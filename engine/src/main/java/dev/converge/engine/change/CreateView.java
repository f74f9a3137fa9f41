package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.View;

/** CreateView creates a view (also the second half of replacing one). */
public record CreateView(View view) implements Creation {
    @Override
    public ObjectRef target() {
        return view.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateView(this);
    }
}
