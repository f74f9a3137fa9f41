package dev.converge.engine.change;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.QualifiedName;

/** DropColumn drops a column and its data. */
public record DropColumn(QualifiedName table, Column column) implements Removal, ColumnChange {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropColumn(this);
    }
}
