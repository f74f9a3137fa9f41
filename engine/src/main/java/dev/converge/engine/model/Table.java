package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Table is a table with its columns (in their physical order, which is meaningful) and its
 * non-foreign-key constraints (sorted by name, which is not). Indexes and foreign keys are kept at
 * the top of {@link SchemaModel} so they can be ordered on their own.
 *
 * @param comment null when none
 * @param options dialect table options in the server's words, compared as a whole (MySQL:
 *                {@code ENGINE=InnoDB}, {@code DEFAULT CHARSET=utf8mb4}, {@code COLLATE=utf8mb4_bin},
 *                {@code ROW_FORMAT=COMPRESSED}); empty where a dialect has none, and then left out of
 *                the model's JSON, so fingerprints of models without options stay what they were
 */
public record Table(QualifiedName name, List<Column> columns, List<TableConstraint> constraints, String comment,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> options) {
    public Table {
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        constraints = constraints.stream().sorted(Comparator.comparing(TableConstraint::name)).toList();
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A table without options (PostgreSQL's tables, and every table before options existed). */
    public Table(QualifiedName name, List<Column> columns, List<TableConstraint> constraints, String comment) {
        this(name, columns, constraints, comment, List.of());
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
