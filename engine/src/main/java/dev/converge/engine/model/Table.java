package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Table is a table with its columns (in their physical order, which is meaningful) and its
 * non-foreign-key constraints (sorted by name, which is not). Indexes and foreign keys are kept at
 * the top of {@link SchemaModel} so they can be ordered on their own.
 *
 * @param comment null when none
 */
public record Table(QualifiedName name, List<Column> columns, List<TableConstraint> constraints, String comment) {
    public Table {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        constraints = constraints.stream().sorted(Comparator.comparing(TableConstraint::name)).toList();
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<TableConstraint> constraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }

    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.TABLE, name);
    }
}
