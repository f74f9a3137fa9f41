package dev.converge.engine.change;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Table.PartitionOf;

/**
 * SetPartitionOf detaches a table from the partitioned table it belongs to and/or attaches it to one
 * (with its bounds): {@code from} or {@code to} is null when the table is not a partition on that side.
 */
public record SetPartitionOf(QualifiedName table, PartitionOf from, PartitionOf to) implements TableAlteration {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitSetPartitionOf(this);
    }
}
