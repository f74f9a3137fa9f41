package dev.converge.dialect.postgres.live;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AlterColumn;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.ColumnChangeKind;
import dev.converge.engine.change.CreateTable;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.change.Rename;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Table;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * PlannedRelations says how a table looks to one step of the plan, in terms of the target's rows as
 * they are now. A probe runs before the plan does, so a check on a column that an earlier step renames
 * must read the old column, a check on a column an earlier step retypes must read it cast, and a
 * table an earlier step renames is still under its old name; a table the plan creates has no rows.
 * Probes read the table through the relation returned here, which is the live table itself when no
 * earlier step touches it, or a query over it that shows its rows as that step will see them.
 */
final class PlannedRelations {
    /** The probed table's rows, as the probe's step sees them; {@code live} is the table to read now. */
    record Relation(QualifiedName live, String select) {
        /**
         * The relation for the probed table, through the runner's placeholder (which the runner replaces with
         * the live table, or a sample of it).
         */
        String probed(String alias) {
            return select == null ? "{from AS " + alias + "}" : "(" + select.replace("{live}", "{from}") + ") AS " + alias;
        }

        /** The relation for another table the probe reads whole (the parent of a foreign key). */
        String whole(String alias) {
            return select == null ? quote(live) + " AS " + alias
                    : "(" + select.replace("{live}", quote(live)) + ") AS " + alias;
        }
    }

    private final Map<QualifiedName, Table> current;
    private final List<Change> changes;
    private final Map<Change, Integer> positions = new IdentityHashMap<>();

    /**
     * @param current the target's tables, by name
     * @param changes the plan's changes in the order they run
     */
    PlannedRelations(List<Table> current, List<Change> changes) {
        this.current = current.stream().collect(Collectors.toMap(Table::name, Function.identity(), (a, b) -> a));
        this.changes = List.copyOf(changes);
        for (int i = 0; i < changes.size(); i++) {
            positions.putIfAbsent(changes.get(i), i);
        }
    }

    /**
     * The table named {@code planned} as {@code step} sees it, or empty when it has no rows of the
     * target then (the plan creates it, or it does not exist).
     */
    Optional<Relation> at(QualifiedName planned, Change step) {
        int position = positions.getOrDefault(step, changes.size());
        QualifiedName name = planned;
        List<Change> columnSteps = new ArrayList<>();
        // Backwards from the step: follow the table to its present name, gathering what changes its columns.
        for (int i = position - 1; i >= 0; i--) {
            Change change = changes.get(i);
            if (change instanceof CreateTable create && create.table().name().equals(name)) {
                return Optional.empty();
            }
            if (change instanceof Rename rename && rename.from().kind() == ObjectKind.TABLE
                    && rename.from().member().isEmpty() && rename.target().name().equals(name)) {
                name = rename.from().name();
            } else if (touchesColumns(change, name)) {
                columnSteps.add(0, change);
            }
        }
        Table table = current.get(name);
        if (table == null) {
            return Optional.empty();
        }
        if (columnSteps.isEmpty()) {
            return Optional.of(new Relation(name, null));
        }
        return Optional.of(new Relation(name, select(table, columnSteps)));
    }

    private static boolean touchesColumns(Change change, QualifiedName table) {
        if (change instanceof Rename rename) {
            return rename.from().kind() == ObjectKind.COLUMN && rename.from().name().equals(table);
        }
        if (change instanceof AlterColumn alter) {
            return alter.table().equals(table) && alter.kinds().contains(ColumnChangeKind.TYPE);
        }
        if (change instanceof AddColumn add) {
            return add.table().equals(table);
        }
        return change instanceof DropColumn drop && drop.table().equals(table);
    }

    /** {@code SELECT <each column as the step sees it> FROM {live}}. */
    private static String select(Table table, List<Change> steps) {
        Map<String, String> columns = new LinkedHashMap<>();
        table.columns().forEach(c -> columns.put(c.name(), quote(c.name())));
        for (Change change : steps) {
            if (change instanceof Rename rename && rename.from().kind() == ObjectKind.COLUMN) {
                String expression = columns.remove(rename.from().member());
                if (expression != null) {
                    columns.put(rename.to(), expression);
                }
            } else if (change instanceof AlterColumn alter) {
                columns.computeIfPresent(alter.to().name(), (name, expression) -> cast(expression, alter.from(), alter.to()));
            } else if (change instanceof AddColumn add) {
                Column column = add.column();
                String value = column.defaultExpression() == null || column.identity() != null ? "NULL"
                        : "(" + column.defaultExpression() + ")";
                columns.put(column.name(), "CAST(" + value + " AS " + column.type() + ")");
            } else if (change instanceof DropColumn drop) {
                columns.remove(drop.column().name());
            }
        }
        String list = columns.entrySet().stream().map(e -> e.getValue() + " AS " + quote(e.getKey()))
                .collect(Collectors.joining(", "));
        return "SELECT " + list + " FROM {live}";
    }

    /** The value the retyped column will hold; a user-defined type converts through its text form. */
    private static String cast(String expression, Column from, Column to) {
        String source = from.type().contains(".") ? "CAST(" + expression + " AS text" + (from.type().endsWith("[]") ? "[]" : "")
                + ")" : expression;
        return "CAST(" + source + " AS " + to.type() + ")";
    }
}
