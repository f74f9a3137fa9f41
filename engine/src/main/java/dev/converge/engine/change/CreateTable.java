package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Table;

/** CreateTable creates a table with its columns and non-foreign-key constraints. */
public record CreateTable(Table table) implements Creation {
    @Override
    public ObjectRef target() {
        return table.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitCreateTable(this);
    }
}
