package dev.converge.engine.change;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;

/** DropColumn drops a column and its data. */
public record DropColumn(QualifiedName table, Column column) implements Change {
    @Override
    public ObjectRef target() {
        return ObjectRef.member(ObjectKind.COLUMN, table, column.name());
    }

    @Override
    public Action action() {
        return Action.DROP;
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropColumn(this);
    }
}
