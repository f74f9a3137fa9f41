package dev.converge.dialect.postgres.inspect;

import dev.converge.dialect.postgres.inspect.CatalogRows.ColumnRow;
import dev.converge.dialect.postgres.inspect.CatalogRows.ColumnDependencyRow;
import dev.converge.dialect.postgres.inspect.CatalogRows.ConstraintRow;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.TableConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * TableAssembler builds tables from the flat, unordered rows of columns.sql, column_dependencies.sql
 * and constraints.sql: columns in attnum order, each with the sequences its default reads and the routines
 * its default and checks call added to its dependencies. The result does not depend on the order rows arrive in.
 */
final class TableAssembler {
    private TableAssembler() {
    }

    static List<Table> assemble(List<ColumnRow> columnRows, List<ColumnDependencyRow> dependencyRows,
                                List<ConstraintRow> constraintRows) {
        Map<QualifiedName, List<TableConstraint>> constraints = new HashMap<>();
        for (ConstraintRow row : constraintRows) {
            constraints.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row.constraint());
        }
        Map<ObjectRef, List<ObjectRef>> sequences = new HashMap<>();
        for (ColumnDependencyRow row : dependencyRows) {
            sequences.computeIfAbsent(ObjectRef.member(ObjectKind.COLUMN, row.table(), row.column()),
                    c -> new ArrayList<>()).add(row.dependency());
        }
        Map<QualifiedName, List<ColumnRow>> columns = new TreeMap<>();
        Map<QualifiedName, ColumnRow> anyRow = new HashMap<>();
        for (ColumnRow row : columnRows) {
            List<ColumnRow> list = columns.computeIfAbsent(row.table(), t -> new ArrayList<>());
            anyRow.put(row.table(), row);
            // A partition's columns are its parent's: they are compared (and changed) on the parent only.
            if (row.column() != null && row.partitionOf() == null) {
                list.add(row);
            }
        }
        List<Table> tables = new ArrayList<>(columns.size());
        columns.forEach((name, rows) -> {
            List<Column> cols = rows.stream()
                    .sorted(Comparator.comparingInt(ColumnRow::number))
                    .map(r -> withSequences(name, r.column(), sequences))
                    .toList();
            ColumnRow table = anyRow.get(name);
            tables.add(new Table(name, cols, constraints.getOrDefault(name, List.of()), table.tableComment(),
                    table.tableOptions(), table.partitionKey(), table.partitionOf()));
        });
        return tables;
    }

    private static Column withSequences(QualifiedName table, Column c, Map<ObjectRef, List<ObjectRef>> sequences) {
        List<ObjectRef> extra = sequences.get(ObjectRef.member(ObjectKind.COLUMN, table, c.name()));
        if (extra == null) {
            return c;
        }
        return new Column(c.name(), c.type(), c.notNull(), c.defaultExpression(), c.identity(), c.identityOptions(),
                c.generatedExpression(), c.collation(), c.comment(),
                Stream.concat(c.dependsOn().stream(), extra.stream()).distinct().toList(), c.settings());
    }
}
