package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.Table;
import java.util.List;

/**
 * IndexDiffer creates, replaces and drops stand-alone indexes. An index whose table (or materialized view)
 * the plan drops goes with it, so it gets no step of its own.
 *
 * <p>A partition's copy of its parent's index ({@link Index#isCopy()}) is PostgreSQL's to make and
 * drop, with the parent's index or the partition: it gets no step. But a partition that is detached
 * keeps the copies as indexes of its own, so a copy on a table the plan detaches (and does not attach
 * elsewhere) is compared like any index: kept when the desired table has the same index under its
 * name, dropped (after the detach) otherwise.
 */
final class IndexDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        for (Index desired : to.indexes().values()) {
            if (desired.isCopy()) {
                continue;
            }
            Index current = from.indexes().get(desired.name());
            if (current != null && current.isCopy() && !becomesOwn(current, to)) {
                current = null;
            }
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
            if (current.isCopy() && !becomesOwn(current, to)) {
                continue;
            }
            Index desired = to.indexes().get(current.name());
            if ((desired == null || desired.isCopy()) && to.hasIndexedRelation(current.table())) {
                out.add(new DropIndex(current));
            }
        }
    }

    /** True when the copy's table leaves its parent for good: the copy stays on it as its own index. */
    private static boolean becomesOwn(Index copy, ModelIndex to) {
        Table desired = to.tables().get(copy.table());
        return desired != null && desired.partitionOf() == null;
    }
}
