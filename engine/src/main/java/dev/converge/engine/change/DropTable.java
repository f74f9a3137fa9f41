package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Table;

/** DropTable drops a table and, with it, its data, indexes, constraints and owned sequences. */
public record DropTable(Table table) implements Removal {
    @Override
    public ObjectRef target() {
        return table.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropTable(this);
    }
}
