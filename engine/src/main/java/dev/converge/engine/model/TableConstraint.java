package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * TableConstraint is a primary key, unique, check or exclusion constraint of a table.
 *
 * @param definition the server's canonical definition, as it follows {@code ADD CONSTRAINT name}
 *                   ({@code PRIMARY KEY (id)}, {@code CHECK ((total >= (0)::numeric))}); two
 *                   constraints with equal names and definitions are the same
 * @param columns    the constrained columns, in key order (empty for a check over an expression)
 * @param comment    null when none
 */
public record TableConstraint(String name, ConstraintKind kind, String definition, List<String> columns,
                              String comment) {
    public TableConstraint {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(definition, "definition is null");
        columns = List.copyOf(columns);
    }
}
