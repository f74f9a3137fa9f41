package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.View;

/** DropView drops a view (also the first half of replacing one). */
public record DropView(View view) implements Removal {
    @Override
    public ObjectRef target() {
        return view.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropView(this);
    }
}
