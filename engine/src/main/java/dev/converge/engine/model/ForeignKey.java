package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * ForeignKey is a foreign-key constraint, kept apart from its table so that the plan can add it
 * after both tables exist (which is how cycles of references are broken).
 *
 * @param definition the server's canonical definition ({@code FOREIGN KEY (customer_id) REFERENCES
 *                   public.customers(id) ON DELETE CASCADE DEFERRABLE}); equal names and
 *                   definitions mean the same key
 * @param comment    null when none
 */
public record ForeignKey(QualifiedName table, String name, List<String> columns, QualifiedName referencedTable,
                         List<String> referencedColumns, String definition, String comment) implements Referable {
    public ForeignKey {
        requireNonNull(table, "table is null");
        requireNonNull(name, "name is null");
        requireNonNull(referencedTable, "referencedTable is null");
        requireNonNull(definition, "definition is null");
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.member(ObjectKind.FOREIGN_KEY, table, name);
    }
}
