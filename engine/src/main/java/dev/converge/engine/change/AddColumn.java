package dev.converge.engine.change;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.QualifiedName;

/**
 * AddColumn adds a column to an existing table.
 *
 * @param after the column the new one follows in the desired table, "" when it comes first, or null
 *              when its position is not known; dialects that can place a column (MySQL's AFTER/FIRST)
 *              use it, the others append
 */
public record AddColumn(QualifiedName table, Column column, String after) implements Creation, ColumnChange {
    /** A column appended at the end, where its position is not known. */
    public AddColumn(QualifiedName table, Column column) {
        this(table, column, null);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAddColumn(this);
    }
}
