package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

/**
 * RowSecurity is the row-level security switch of one table: listed in the model only for a table
 * where it is enabled or forced, so a table without an entry has both off.
 */
public record RowSecurity(QualifiedName table, boolean enabled, boolean forced) implements Referable {
    public RowSecurity {
        requireNonNull(table, "table is null");
    }

    public static RowSecurity off(QualifiedName table) {
        return new RowSecurity(table, false, false);
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.TABLE, table);
    }
}
