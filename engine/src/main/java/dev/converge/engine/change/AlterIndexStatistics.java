package dev.converge.engine.change;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.Index;
import dev.converge.engine.model.IndexStatistics;
import dev.converge.engine.model.ObjectRef;
import java.util.List;

/**
 * AlterIndexStatistics sets the statistics targets of an index's columns in place: from those the
 * index has ({@code from}; none for an index the plan builds) to the desired index's. A column in
 * {@code from} and not in {@code to} returns to the server's default.
 */
public record AlterIndexStatistics(Index index, List<IndexStatistics> from) implements Alteration {
    public AlterIndexStatistics {
        requireNonNull(index, "index is null");
        from = List.copyOf(from);
    }

    /** The desired targets. */
    public List<IndexStatistics> to() {
        return index.statistics();
    }

    @Override
    public ObjectRef target() {
        return index.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterIndexStatistics(this);
    }
}
