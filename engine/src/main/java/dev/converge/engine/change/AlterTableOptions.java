package dev.converge.engine.change;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.QualifiedName;
import java.util.List;

/**
 * AlterTableOptions changes a table's options ({@link dev.converge.engine.model.Table#options()}):
 * for MySQL its engine, default character set and collation, row format. {@code to} holds every
 * option of the desired table, so a generator can write them all at once.
 */
public record AlterTableOptions(QualifiedName table, List<String> from, List<String> to) implements TableAlteration {
    public AlterTableOptions {
        requireNonNull(table, "table is null");
        from = List.copyOf(from);
        to = List.copyOf(to);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterTableOptions(this);
    }
}
