package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.model.Index;
import java.util.List;

/**
 * IndexDiffer creates, replaces and drops stand-alone indexes. An index whose table (or materialized view)
 * the plan drops goes with it, so it gets no step of its own.
 */
final class IndexDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        for (Index desired : to.indexes().values()) {
            Index current = from.indexes().get(desired.name());
            if (current == null || !current.definition().equals(desired.definition())) {
                if (current != null && to.hasIndexedRelation(current.table())) {
                    out.add(new DropIndex(current));
                }
                out.add(new CreateIndex(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
            } else {
                Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
            }
        }
        for (Index current : from.indexes().values()) {
            if (!to.indexes().containsKey(current.name()) && to.hasIndexedRelation(current.table())) {
                out.add(new DropIndex(current));
            }
        }
    }
}
