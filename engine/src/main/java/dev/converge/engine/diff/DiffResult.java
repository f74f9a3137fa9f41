package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.model.SchemaModel;
import java.util.List;

/**
 * DiffResult is what the differ found: the changes, and notes about differences Converge reports
 * but does not act on (column order, which PostgreSQL cannot change without rebuilding a table).
 *
 * @param against the current model the changes other than rebuilds are made against: the current one,
 *                without the tables a {@link dev.converge.engine.change.RebuildTable} makes anew (what the
 *                plan creates on them, it creates on a new table); null when the caller gave none
 */
public record DiffResult(List<Change> changes, List<String> notes, SchemaModel against) {
    public DiffResult {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    public DiffResult(List<Change> changes, List<String> notes) {
        this(changes, notes, null);
    }
}
