package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.spi.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Differ compares the current schema with the desired one, object kind by object kind, and returns
 * the changes that turn the first into the second. Each kind has its own small differ; this class
 * only runs them in turn. The order of the result does not matter: the change graph orders it.
 */
public final class Differ {
    /** The objects the project allows to be rewritten ({@code -- converge:allow TABLE_REWRITE}). */
    private final Predicate<ObjectRef> mayRewrite;
    private final boolean placesColumns;
    /** The dialect's lexer, to read the names in an index's keys; null for a differ that only describes. */
    private final SqlLexer lexer;

    /**
     * A differ that refuses what PostgreSQL cannot change in place (removed or reordered enum labels, a
     * table's partitioning).
     */
    public Differ() {
        this(ref -> false);
    }

    /**
     * A differ that recreates the enum types {@code mayRewrite} accepts when their labels are removed or
     * reordered (the project allowed the rewrite of the tables using them) and rebuilds the tables it
     * accepts whose partitioning changes, and refuses the others.
     */
    public Differ(Predicate<ObjectRef> mayRewrite) {
        this(mayRewrite, false);
    }

    /** @param placesColumns true when the dialect places and moves columns (MySQL's AFTER/FIRST) */
    public Differ(Predicate<ObjectRef> mayRewrite, boolean placesColumns) {
        this(mayRewrite, placesColumns, null);
    }

    /** @param lexer the dialect's lexer, which reads the quoted names in an index's keys */
    public Differ(Predicate<ObjectRef> mayRewrite, boolean placesColumns, SqlLexer lexer) {
        this.mayRewrite = mayRewrite;
        this.placesColumns = placesColumns;
        this.lexer = lexer;
    }

    public DiffResult diff(SchemaModel current, SchemaModel desired) {
        List<Change> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ModelIndex to = new ModelIndex(desired);
        TableRebuilds rebuilds = TableRebuilds.of(new ModelIndex(current), to, mayRewrite);
        SchemaModel against = rebuilds.withoutRebuilt(current);
        ModelIndex from = new ModelIndex(against);
        changes.addAll(rebuilds.drops(current));
        new SchemaDiffer().diff(from, to, changes);
        new EnumDiffer(mayRewrite).diff(from, to, changes);
        new CollationDiffer().diff(from, to, changes);
        new SequenceDiffer().diff(from, to, changes);
        new ExtensionDiffer().diff(from, to, changes);
        new DomainDiffer().diff(from, to, changes);
        new CompositeTypeDiffer().diff(from, to, changes);
        TableDiffer tables = new TableDiffer(placesColumns);
        tables.diff(from, to, changes, notes);
        new IndexDiffer(new IndexColumns(lexer)).diff(from, to, changes);
        new ForeignKeyDiffer().diff(from, to, changes);
        // Routines before views, triggers and policies: those are replaced when a routine they use is.
        new RoutineDiffer().diff(from, to, changes);
        new ColumnReleases().diff(from, to, changes);
        // After routines and tables (an aggregate is replaced with its state function), before views.
        new CatalogObjectDiffer().diff(from, to, changes);
        new ViewDiffer().diff(from, to, changes);
        new TriggerDiffer().diff(from, to, changes);
        new PolicyDiffer().diff(from, to, changes);
        // After every differ that builds an index (views create their materialized views' indexes again).
        new IndexStatisticsDiffer().diff(from, to, changes);
        // Last: privileges are granted anew on whatever the changes above drop and create again.
        new PrivilegeDiffer().diff(from, to, changes);
        return new DiffResult(rebuilds.fuse(changes, current, desired), notes, against);
    }
}
