package dev.converge.engine.safety;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.QualifiedName;

/** TableLock is the strongest lock a step takes on one existing table (or view, or sequence). */
public record TableLock(QualifiedName table, LockLevel level) implements Comparable<TableLock> {
    public TableLock {
        requireNonNull(table, "table is null");
        requireNonNull(level, "level is null");
    }

    @Override
    public int compareTo(TableLock other) {
        return table.compareTo(other.table);
    }

    @Override
    public String toString() {
        return level.sql() + " on " + table;
    }
}
