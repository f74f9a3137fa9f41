package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Table is a table with its columns (in their physical order, which is meaningful) and its
 * non-foreign-key constraints (sorted by name, which is not). Indexes and foreign keys are kept at
 * the top of {@link SchemaModel} so they can be ordered on their own.
 *
 * @param comment      null when none
 * @param options      dialect table options in the server's words, compared as a whole (MySQL:
 *                     {@code ENGINE=InnoDB}, {@code DEFAULT CHARSET=utf8mb4}, {@code COLLATE=utf8mb4_bin},
 *                     {@code ROW_FORMAT=COMPRESSED}; PostgreSQL: {@code UNLOGGED}, {@code REPLICA IDENTITY FULL},
 *                     {@code REPLICA IDENTITY USING INDEX i}); empty where a table has none, and then left out of
 *                     the model's JSON, so fingerprints of models without options stay what they were
 * @param partitionKey how a partitioned table splits its rows ({@code RANGE (created_at)}); null for a
 *                     table that is not partitioned
 * @param partitionOf  the parent and bounds of a partition; null for a table that is not one. A
 *                     partition's columns come from its parent, so the model lists none for it
 */
public record Table(QualifiedName name, List<Column> columns, List<TableConstraint> constraints, String comment,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> options,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String partitionKey,
                    @JsonInclude(JsonInclude.Include.NON_NULL) PartitionOf partitionOf) implements Referable {
    /** A partition's place: its parent table and its bounds ({@code FOR VALUES IN ('eu')}, {@code DEFAULT}). */
    public record PartitionOf(QualifiedName parent, String bound) {
        public PartitionOf {
            requireNonNull(parent, "parent is null");
            requireNonNull(bound, "bound is null");
        }
    }

    public Table {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        constraints = constraints.stream().sorted(Comparator.comparing(TableConstraint::name)).toList();
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A table without options. */
    public Table(QualifiedName name, List<Column> columns, List<TableConstraint> constraints, String comment) {
        this(name, columns, constraints, comment, List.of());
    }

    /** A table that is neither partitioned nor a partition. */
    public Table(QualifiedName name, List<Column> columns, List<TableConstraint> constraints, String comment,
                 List<String> options) {
        this(name, columns, constraints, comment, options, null, null);
    }

    /** The same table with other columns (options and partitioning kept). */
    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, constraints, comment, options, partitionKey, partitionOf);
    }

    /** The same table with other constraints (options and partitioning kept). */
    public Table withConstraints(List<TableConstraint> newConstraints) {
        return new Table(name, columns, newConstraints, comment, options, partitionKey, partitionOf);
    }

    /** Not a property of the canonical JSON: it is derived, and fingerprints must not change with it. */
    @JsonIgnore
    public boolean isPartition() {
        return partitionOf != null;
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<TableConstraint> constraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.TABLE, name);
    }
}
