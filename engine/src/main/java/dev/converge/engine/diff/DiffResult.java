package dev.converge.engine.diff;

import java.util.List;

/**
 * DiffResult is what the differ found: the changes, and notes about differences Converge reports
 * but does not act on (column order, which PostgreSQL cannot change without rebuilding a table).
 */
public record DiffResult(List<dev.converge.engine.change.Change> changes, List<String> notes) {
    public DiffResult {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }
}
