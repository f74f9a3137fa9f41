package dev.converge.engine.change;

import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;

/** TableAlteration alters a table as a whole (its options, its partitioning), so the table is its target. */
public sealed interface TableAlteration extends Alteration permits AlterTableOptions, RebuildTable, SetPartitionOf {
    /** The altered table. */
    QualifiedName table();

    @Override
    default ObjectRef target() {
        return ObjectRef.of(ObjectKind.TABLE, table());
    }
}
