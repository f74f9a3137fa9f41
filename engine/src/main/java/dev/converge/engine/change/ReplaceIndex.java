package dev.converge.engine.change;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.Index;
import dev.converge.engine.model.ObjectRef;

/**
 * ReplaceIndex gives an existing index of an existing table a new definition under the same name. It is
 * one change, not a drop and a create, because both have the same identity: as two changes the graph
 * could only order the drop first, leaving the table without the index in between. A dialect renders
 * it without that gap where it can (PostgreSQL: build the new index concurrently under a temporary
 * name, drop the old one concurrently, rename the new one).
 *
 * @param from the index as it is
 * @param to   the index as it should be: same name and table, another definition
 */
public record ReplaceIndex(Index from, Index to) implements Alteration {
    public ReplaceIndex {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (!from.name().equals(to.name()) || !from.table().equals(to.table())) {
            throw new IllegalArgumentException("a replaced index keeps its name and table: " + from.name() + " on "
                    + from.table() + " vs " + to.name() + " on " + to.table());
        }
    }

    @Override
    public ObjectRef target() {
        return to.ref();
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitReplaceIndex(this);
    }
}
