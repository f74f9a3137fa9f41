package dev.converge.engine.diff;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AddConstraint;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.AlterTableOptions;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateTable;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.DropConstraint;
import dev.converge.engine.change.DropTable;
import dev.converge.engine.change.SetPartitionOf;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.Identity;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * TableDiffer creates and drops tables and, for a table on both sides, diffs its columns,
 * constraints and comments.
 *
 * <p>Column order: PostgreSQL appends a new column and cannot move one without rebuilding the table
 * (and copying its data), so a new column is appended and a different order is reported as a note,
 * not enforced. A dialect that places columns (MySQL) gets the moves that give the desired order
 * ({@link ColumnMoves}) as column changes of kind POSITION instead.
 */
final class TableDiffer {
    private final boolean placesColumns;

    TableDiffer(boolean placesColumns) {
        this.placesColumns = placesColumns;
    }

    void diff(ModelIndex from, ModelIndex to, List<Change> out, List<String> notes) {
        for (Table desired : to.tables().values()) {
            Table current = from.tables().get(desired.name());
            if (current == null) {
                createTable(desired, out);
                commentsOfNewTable(desired, out);
            } else {
                diffPartitioning(current, desired, out);
                // A partition's columns are its parent's: they change with the parent. A table that is
                // attached or detached is compared with the columns its parent gives (or gave) it.
                if (!current.isPartition() || !desired.isPartition()) {
                    diffColumns(withParentColumns(current, from), withParentColumns(desired, to), out, notes);
                }
                diffConstraints(current, desired, out);
                Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
                // Options are compared as a set: the order a server keeps them in (PostgreSQL's storage
                // parameters: the order they were set) means nothing.
                if (!Set.copyOf(current.options()).equals(Set.copyOf(desired.options()))) {
                    out.add(new AlterTableOptions(desired.name(), current.options(), desired.options()));
                }
            }
        }
        for (Table current : from.tables().values()) {
            if (!to.tables().containsKey(current.name())) {
                out.add(new DropTable(current));
            }
        }
    }

    /**
     * A constraint marked NOT VALID (existing rows unchecked) keeps that state only when added by ALTER
     * TABLE: inside CREATE TABLE the server validates it and drops the mark. So such constraints are
     * added as steps of their own, after the table.
     */
    private static void createTable(Table desired, List<Change> out) {
        List<TableConstraint> later = desired.constraints().stream().filter(TableDiffer::notValid).toList();
        List<TableConstraint> inline = desired.constraints().stream().filter(c -> !notValid(c)).toList();
        out.add(new CreateTable(desired.withConstraints(inline)));
        later.forEach(c -> out.add(new AddConstraint(desired.name(), c)));
    }

    /**
     * A partition attached elsewhere or with other bounds is detached and attached again; a table
     * becomes or stops being a partition the same way. A changed partition key never gets here: that
     * table is rebuilt ({@link TableRebuilds}), and the other differs do not see it on the current side.
     */
    private static void diffPartitioning(Table current, Table desired, List<Change> out) {
        if (!Objects.equals(current.partitionOf(), desired.partitionOf())) {
            out.add(new SetPartitionOf(desired.name(), current.partitionOf(), desired.partitionOf()));
        }
    }

    private static Table withParentColumns(Table table, ModelIndex model) {
        if (!table.isPartition()) {
            return table;
        }
        Table parent = model.tables().get(table.partitionOf().parent());
        return parent == null ? table : table.withColumns(parent.columns());
    }

    private static boolean notValid(TableConstraint constraint) {
        return constraint.definition().endsWith(" NOT VALID");
    }

    private static void commentsOfNewTable(Table table, List<Change> out) {
        Comments.forNew(table.ref(), table.comment(), out);
        for (Column column : table.columns()) {
            Comments.forNew(columnRef(table, column), column.comment(), out);
        }
        for (TableConstraint constraint : table.constraints()) {
            Comments.forNew(constraintRef(table, constraint), constraint.comment(), out);
        }
    }

    private void diffColumns(Table current, Table desired, List<Change> out, List<String> notes) {
        java.util.Map<String, String> moves = placesColumns ? ColumnMoves.of(current, desired, kept(current, desired))
                : java.util.Map.of();
        for (Column want : desired.columns()) {
            Column have = current.column(want.name()).orElse(null);
            if (have == null) {
                out.add(new AddColumn(desired.name(), want, predecessor(desired, want)));
                Comments.forNew(columnRef(desired, want), want.comment(), out);
            } else if (!Objects.equals(have.generatedExpression(), want.generatedExpression())) {
                // A generated column's expression cannot be altered in place (before PostgreSQL 17),
                // and a column cannot turn into or out of a generated one: drop and add it again.
                out.add(new DropColumn(current.name(), have));
                out.add(new AddColumn(desired.name(), want, predecessor(desired, want)));
                Comments.forNew(columnRef(desired, want), want.comment(), out);
            } else {
                Set<ColumnChangeKind> kinds = columnChanges(have, want);
                String after = moves.get(want.name());
                if (after != null) {
                    kinds.add(ColumnChangeKind.POSITION);
                }
                if (!kinds.isEmpty()) {
                    out.add(new AlterColumn(desired.name(), have, want, kinds, after));
                }
                Comments.diff(columnRef(desired, want), have.comment(), want.comment(), out);
            }
        }
        for (Column have : current.columns()) {
            if (desired.column(have.name()).isEmpty()) {
                out.add(new DropColumn(current.name(), have));
            }
        }
        if (!placesColumns) {
            noteColumnOrder(current, desired, notes);
        }
    }

    /** The columns both sides have that stay (a generated column whose expression changes is dropped and added). */
    private static Set<String> kept(Table current, Table desired) {
        Set<String> kept = new java.util.HashSet<>();
        for (Column want : desired.columns()) {
            current.column(want.name()).filter(have -> Objects.equals(have.generatedExpression(),
                    want.generatedExpression())).ifPresent(have -> kept.add(have.name()));
        }
        return kept;
    }

    /** The column before {@code column} in the desired table, or "" when it is the first. */
    private static String predecessor(Table desired, Column column) {
        int position = desired.columns().indexOf(column);
        return position <= 0 ? "" : desired.columns().get(position - 1).name();
    }

    static Set<ColumnChangeKind> columnChanges(Column have, Column want) {
        Set<ColumnChangeKind> kinds = EnumSet.noneOf(ColumnChangeKind.class);
        if (!have.type().equals(want.type())) {
            kinds.add(ColumnChangeKind.TYPE);
        }
        if (!Objects.equals(have.collation(), want.collation())) {
            kinds.add(ColumnChangeKind.COLLATION);
        }
        if (have.notNull() != want.notNull()) {
            kinds.add(ColumnChangeKind.NOT_NULL);
        }
        if (!Objects.equals(have.defaultExpression(), want.defaultExpression())) {
            kinds.add(ColumnChangeKind.DEFAULT);
        }
        if (have.identity() != want.identity()) {
            kinds.add(ColumnChangeKind.IDENTITY);
        }
        // Options are compared only when both sides are identities whose options are known: a column that
        // becomes an identity gets its options with the identity itself.
        if (have.identity() != Identity.NONE && want.identity() != Identity.NONE && have.identityOptions() != null
                && want.identityOptions() != null && !have.identityOptions().equals(want.identityOptions())) {
            kinds.add(ColumnChangeKind.IDENTITY_OPTIONS);
        }
        if (!Objects.equals(have.settings(), want.settings())) {
            kinds.add(ColumnChangeKind.SETTINGS);
        }
        return kinds;
    }

    /** Notes when the columns both sides share are in another relative order, or a new one is not last. */
    private static void noteColumnOrder(Table current, Table desired, List<String> notes) {
        List<String> desiredOrder = desired.columns().stream().map(Column::name).toList();
        List<String> kept = current.columns().stream().map(Column::name).filter(desiredOrder::contains).toList();
        List<String> resulting = new java.util.ArrayList<>(kept);
        desiredOrder.stream().filter(name -> !kept.contains(name)).forEach(resulting::add);
        if (!resulting.equals(desiredOrder)) {
            notes.add("column order of " + desired.name() + " will be (" + String.join(", ", resulting)
                    + "), not (" + String.join(", ", desiredOrder) + "): PostgreSQL appends new columns and"
                    + " cannot reorder them without rebuilding the table");
        }
    }

    private static void diffConstraints(Table current, Table desired, List<Change> out) {
        for (TableConstraint want : desired.constraints()) {
            TableConstraint have = current.constraint(want.name()).orElse(null);
            if (have == null || !sameDefinition(have, want)) {
                if (have != null) {
                    out.add(new DropConstraint(current.name(), have));
                }
                out.add(new AddConstraint(desired.name(), want));
                Comments.forNew(constraintRef(desired, want), want.comment(), out);
            } else {
                Comments.diff(constraintRef(desired, want), have.comment(), want.comment(), out);
            }
        }
        for (TableConstraint have : current.constraints()) {
            if (desired.constraint(have.name()).isEmpty()) {
                out.add(new DropConstraint(current.name(), have));
            }
        }
    }

    private static boolean sameDefinition(TableConstraint a, TableConstraint b) {
        return a.kind() == b.kind() && a.definition().equals(b.definition());
    }

    private static ObjectRef columnRef(Table table, Column column) {
        return ObjectRef.member(ObjectKind.COLUMN, table.name(), column.name());
    }

    private static ObjectRef constraintRef(Table table, TableConstraint constraint) {
        return ObjectRef.member(ObjectKind.CONSTRAINT, table.name(), constraint.name());
    }
}
