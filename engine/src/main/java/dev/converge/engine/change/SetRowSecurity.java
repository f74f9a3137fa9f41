package dev.converge.engine.change;

import dev.converge.engine.model.RowSecurity;

/** SetRowSecurity turns a table's row-level security on or off, and forces it on the table owner or not. */
public record SetRowSecurity(RowSecurity from, RowSecurity to) implements Transition {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitSetRowSecurity(this);
    }
}
