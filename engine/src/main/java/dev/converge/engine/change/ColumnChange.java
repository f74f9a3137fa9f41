package dev.converge.engine.change;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;

/** ColumnChange adds a whole column to a table or drops it, so the column is its target. */
public sealed interface ColumnChange extends Change permits AddColumn, DropColumn {
    /** The table the column belongs to. */
    QualifiedName table();

    Column column();

    @Override
    default ObjectRef target() {
        return ObjectRef.member(ObjectKind.COLUMN, table(), column().name());
    }
}
