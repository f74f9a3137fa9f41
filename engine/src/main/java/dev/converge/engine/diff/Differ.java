package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.model.SchemaModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Differ compares the current schema with the desired one, object kind by object kind, and returns
 * the changes that turn the first into the second. Each kind has its own small differ; this class
 * only runs them in turn. The order of the result does not matter: the change graph orders it.
 */
public final class Differ {
    private final boolean placesColumns;

    /** A differ for a dialect that appends new columns and cannot move one (PostgreSQL). */
    public Differ() {
        this(false);
    }

    /** @param placesColumns true when the dialect places and moves columns (MySQL's AFTER/FIRST) */
    public Differ(boolean placesColumns) {
        this.placesColumns = placesColumns;
    }

    public DiffResult diff(SchemaModel current, SchemaModel desired) {
        List<Change> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ModelIndex from = new ModelIndex(current);
        ModelIndex to = new ModelIndex(desired);
        new SchemaDiffer().diff(from, to, changes);
        new EnumDiffer().diff(from, to, changes);
        new SequenceDiffer().diff(from, to, changes);
        new ExtensionDiffer().diff(from, to, changes);
        new DomainDiffer().diff(from, to, changes);
        new CompositeTypeDiffer().diff(from, to, changes);
        TableDiffer tables = new TableDiffer(placesColumns);
        tables.diff(from, to, changes, notes);
        new IndexDiffer().diff(from, to, changes);
        new ForeignKeyDiffer().diff(from, to, changes);
        // Routines before views, triggers and policies: those are replaced when a routine they use is.
        new RoutineDiffer().diff(from, to, changes);
        new ViewDiffer().diff(from, to, changes);
        new TriggerDiffer().diff(from, to, changes);
        new PolicyDiffer().diff(from, to, changes);
        return new DiffResult(changes, notes);
    }
}
