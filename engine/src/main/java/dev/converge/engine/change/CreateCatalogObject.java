package dev.converge.engine.change;

import dev.converge.engine.model.CatalogObject;
import dev.converge.engine.model.ObjectRef;

/**
 * CreateCatalogObject creates an aggregate, text search object, rule, cast, operator, statistics
 * object, publication... (also the second half of replacing one: these kinds are never altered).
 */
public record CreateCatalogObject(CatalogObject object) implements Creation {
    @Override
    public ObjectRef target() {
        return object.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateCatalogObject(this);
    }
}
