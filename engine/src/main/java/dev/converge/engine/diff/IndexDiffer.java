package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.DropIndex;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.Table;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * IndexDiffer creates, replaces and drops stand-alone indexes. An index whose table (or materialized view)
 * the plan drops goes with it, so it gets no step of its own.
 *
 * <p>An index of a table that stays, with a new definition, is one {@link ReplaceIndex}, so that the
 * dialect can build the new index before it drops the old one and the table is never without it. That
 * holds when other columns of the table are dropped or change type in the same plan ({@link
 * IndexColumns}): a replacement runs after the table's type changes and before its column drops. Only
 * an old index that reads a retyped column in an expression, an operator class or its predicate may
 * stand in the way of the type change (its expression may not exist for the new type), so it is
 * dropped and created as two steps, which the change graph orders around the column changes.
 *
 * <p>A partition's copy of its parent's index ({@link Index#isCopy()}) is PostgreSQL's to make and
 * drop, with the parent's index or the partition: it gets no step but for its comment (and its
 * statistics targets, {@link IndexStatisticsDiffer}). But a partition that is detached
 * keeps the copies as indexes of its own, so a copy on a table the plan detaches (and does not attach
 * elsewhere) is compared like any index: kept when the desired table has the same index under its
 * name, dropped (after the detach) otherwise, never replaced in place (the drop must wait for the detach).
 */
final class IndexDiffer {
    private final IndexColumns columns;

    /** @param columns how an index reads a column, in the dialect's text of its keys */
    IndexDiffer(IndexColumns columns) {
        this.columns = columns;
    }

    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        for (Index desired : to.indexes().values()) {
            if (desired.isCopy()) {
                commentOfCopy(desired, from, out);
                continue;
            }
            Index current = from.indexes().get(desired.name());
            if (current != null && current.isCopy() && !becomesOwn(current, to)) {
                current = null;
            }
            if (current != null && !current.definition().equals(desired.definition()) && !current.isCopy()
                    && replaceableInPlace(current, desired, from, to)) {
                out.add(new ReplaceIndex(current, desired));
                // The new index starts without a comment, whichever way the dialect builds it.
                Comments.forNew(desired.ref(), desired.comment(), out);
            } else if (current == null || !current.definition().equals(desired.definition())) {
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

    /**
     * A copy's comment is its own (COMMENT ON INDEX names the copy): compared where the target has the
     * same copy; a copy the plan makes anew starts without one.
     */
    private static void commentOfCopy(Index desired, ModelIndex from, List<Change> out) {
        Index current = from.indexes().get(desired.name());
        if (current != null && current.isCopy() && desired.parentIndex().equals(current.parentIndex())) {
            Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
        }
    }

    /** True when the copy's table leaves its parent for good: the copy stays on it as its own index. */
    private static boolean becomesOwn(Index copy, ModelIndex to) {
        Table desired = to.tables().get(copy.table());
        return desired != null && desired.partitionOf() == null;
    }

    /**
     * Same table on both sides, a table (not a materialized view), and no column whose type changes read
     * by the old index other than as a plain key or INCLUDE column (which the server rebuilds with the
     * column). A dropped column cannot be in the new index, and the replacement runs before the drop.
     */
    private boolean replaceableInPlace(Index current, Index desired, ModelIndex from, ModelIndex to) {
        Table before = from.tables().get(current.table());
        Table after = to.tables().get(current.table());
        if (before == null || after == null) {
            return false;
        }
        Map<String, Column> kept = after.columns().stream()
                .collect(Collectors.toMap(Column::name, Function.identity(), (a, b) -> a));
        return before.columns().stream()
                .filter(c -> kept.containsKey(c.name()) && !kept.get(c.name()).type().equals(c.type()))
                .noneMatch(retyped -> columns.readsInExpression(current, retyped.name()));
    }
}
