package dev.converge.engine.change;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;

/** AddColumn appends a column to an existing table. */
public record AddColumn(QualifiedName table, Column column) implements Change {
    @Override
    public ObjectRef target() {
        return ObjectRef.member(ObjectKind.COLUMN, table, column.name());
    }

    @Override
    public Action action() {
        return Action.CREATE;
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAddColumn(this);
    }
}
