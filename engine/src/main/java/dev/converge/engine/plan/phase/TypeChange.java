package dev.converge.engine.plan.phase;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.model.Table;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.spi.ExpandContractSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * TypeChange is a column whose type changes in a way that rewrites its table or narrows it, split into a
 * parallel change: expand adds a column of the new type under a name Converge owns ({@link #shadow}), a
 * sync that converts each write into the other column, and a backfill; contract swaps the new column in
 * under the old name ({@link TypeSwaps}). The application uses one name throughout.
 *
 * @param from  the column as it is
 * @param to    the column as the files declare it
 * @param key   the table's single-column primary key, which the backfill walks
 */
record TypeChange(QualifiedName table, Column from, Column to, String key) {
    /** The word that ends the marker of a type change's sync: contract swaps instead of dropping. */
    static final String SWAP = "swap";

    /** Under the identifier length of every server with a parallel change (PostgreSQL 63, MySQL 64). */
    private static final int MAX_NAME = 60;

    /** What a split type change may change besides the type: contract's swap sets these from the files. */
    private static final Set<ColumnChangeKind> SPLITTABLE = EnumSet.of(ColumnChangeKind.TYPE, ColumnChangeKind.COLLATION,
            ColumnChangeKind.NOT_NULL, ColumnChangeKind.DEFAULT);

    TypeChange {
        requireNonNull(table, "table is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(key, "key is null");
    }

    /**
     * The type change of a step, when a parallel change can split it: a type change (with at most a new
     * collation, NOT NULL or default) that rewrites the table or narrows the column, of a plain column
     * (no key, identity, generated value, foreign key, view, or index or constraint of several columns on it)
     * of a table walkable by its key,
     * whose new column's name is free.
     */
    static Optional<TypeChange> of(PlanStep step, SchemaModel current) {
        if (!(step.change() instanceof AlterColumn alter) || !alter.kinds().contains(ColumnChangeKind.TYPE)
                || !SPLITTABLE.containsAll(alter.kinds()) || step.hazards().stream().noneMatch(h ->
                h.code() == HazardCode.TABLE_REWRITE || h.code() == HazardCode.DATA_LOSS
                        || h.code() == HazardCode.BACKWARD_INCOMPATIBLE)) {
            return Optional.empty();
        }
        Optional<Table> table = current.tables().stream().filter(t -> t.name().equals(alter.table())).findFirst();
        Optional<String> key = table.flatMap(PhasedPlans::singleKey);
        String name = alter.from().name();
        if (key.isEmpty() || key.get().equals(name) || !plain(alter.from()) || !plain(alter.to())
                || !ColumnSync.nameable(name) || table.get().column(shadow(name)).isPresent()
                || referenced(current, alter.table(), name)) {
            return Optional.empty();
        }
        return Optional.of(new TypeChange(alter.table(), alter.from(), alter.to(), key.get()));
    }

    /** The name of the new column while both exist: {@code converge_new_<column>}, cut with a hash past the limit. */
    static String shadow(String column) {
        return ColumnSync.fit("converge_new_" + column, MAX_NAME);
    }

    String shadow() {
        return shadow(from.name());
    }

    /** The new column of expand: the new type and collation, nullable and without default (the sync fills it). */
    Column added() {
        return new Column(shadow(), to.type(), false, null, Identity.NONE, null, null, to.collation(), null, List.of());
    }

    String display() {
        return table.schema() + "." + table.name() + "." + from.name() + " " + from.type() + " -> " + to.type();
    }

    /**
     * How many rows hold a value of the old column that does not convert to the new type and back
     * unchanged (the dialect's pre-check; no value is read out).
     */
    long unconvertible(Connection connection, ExpandContractSql sql) {
        try {
            return UnconvertibleValues.count(connection, sql, table, from.name(), from.type(), to.type());
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot check that the values of " + display()
                    + " convert to the new type: " + e.getMessage(), e);
        }
    }

    private static boolean plain(Column column) {
        return column.identity() == Identity.NONE && column.generatedExpression() == null;
    }

    /*
     * Dropping the old column would fail (PostgreSQL) or change them (MySQL keeps an index or key of
     * several columns without it): such a change stays in place.
     */
    private static boolean referenced(SchemaModel current, QualifiedName table, String column) {
        ObjectRef ref = ObjectRef.member(ObjectKind.COLUMN, table, column);
        return current.indexes().stream().anyMatch(i -> i.table().equals(table) && i.keys().size() > 1
                && i.keys().contains(column))
                || current.tables().stream().filter(t -> t.name().equals(table)).flatMap(t -> t.constraints().stream())
                .anyMatch(c -> c.columns().size() > 1 && c.columns().contains(column))
                || current.foreignKeys().stream().anyMatch(fk -> fk.table().equals(table) && fk.columns().contains(column)
                || fk.referencedTable().equals(table) && fk.referencedColumns().contains(column))
                || current.views().stream().anyMatch(v -> v.dependsOn().contains(ref) || v.dependsOn().stream()
                .anyMatch(d -> d.kind() == ObjectKind.TABLE && d.name().equals(table)))
                || current.materializedViews().stream().anyMatch(v -> v.dependsOn().contains(ref));
    }
}
