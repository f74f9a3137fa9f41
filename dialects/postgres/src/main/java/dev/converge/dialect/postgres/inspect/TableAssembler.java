package dev.converge.dialect.postgres.inspect;

import dev.converge.dialect.postgres.inspect.CatalogRows.ColumnRow;
import dev.converge.dialect.postgres.inspect.CatalogRows.ConstraintRow;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TableAssembler builds tables from the flat rows of columns.sql (which arrive in attnum order) and
 * constraints.sql. Tables are kept in a TreeMap so the result does not depend on row order.
 */
final class TableAssembler {
    private TableAssembler() {
    }

    static List<Table> assemble(List<ColumnRow> columnRows, List<ConstraintRow> constraintRows) {
        Map<QualifiedName, List<TableConstraint>> constraints = new HashMap<>();
        for (ConstraintRow row : constraintRows) {
            constraints.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row.constraint());
        }
        Map<QualifiedName, List<Column>> columns = new TreeMap<>();
        Map<QualifiedName, String> comments = new HashMap<>();
        for (ColumnRow row : columnRows) {
            List<Column> list = columns.computeIfAbsent(row.table(), t -> new ArrayList<>());
            comments.put(row.table(), row.tableComment());
            if (row.column() != null) {
                list.add(row.column());
            }
        }
        List<Table> tables = new ArrayList<>(columns.size());
        columns.forEach((name, cols) ->
                tables.add(new Table(name, cols, constraints.getOrDefault(name, List.of()), comments.get(name))));
        return tables;
    }
}
