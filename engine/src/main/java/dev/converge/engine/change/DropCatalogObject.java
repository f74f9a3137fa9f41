package dev.converge.engine.change;

import dev.converge.engine.model.CatalogObject;
import dev.converge.engine.model.ObjectRef;

/** DropCatalogObject drops one of the kinds of {@link CatalogObject} (also the first half of replacing one). */
public record DropCatalogObject(CatalogObject object) implements Removal {
    @Override
    public ObjectRef target() {
        return object.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropCatalogObject(this);
    }
}
