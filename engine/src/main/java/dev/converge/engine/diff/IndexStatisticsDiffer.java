package dev.converge.engine.diff;

import dev.converge.engine.change.AlterIndexStatistics;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.CreateTable;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.change.SetPartitionOf;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.IndexStatistics;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * IndexStatisticsDiffer sets the statistics targets of index columns. It runs after every differ that
 * may build an index (a new or replaced index, a materialized view's indexes created again): a built
 * index starts with the server's defaults, so it gets the desired targets after it is built; an index
 * that stays gets the difference in place.
 *
 * <p>A partition's copy of its parent's index has targets of its own, which the server sets in two ways
 * the plan does not choose the order of: {@code ALTER INDEX parent ... SET STATISTICS} sets them on the
 * copies that exist at that moment, and a copy made later starts with the defaults. So a copy whose
 * parent index is built or changes its targets in the plan, or whose partition is created or attached
 * by it, gets its desired targets said outright afterwards (every column the parent or the copy may have
 * set), whatever the order of the rest; a copy nothing touches is compared with what it has.
 */
final class IndexStatisticsDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        Set<ObjectRef> built = out.stream().filter(c -> c instanceof CreateIndex || c instanceof ReplaceIndex)
                .map(Change::target).collect(Collectors.toSet());
        List<Change> own = new ArrayList<>();
        for (Index desired : to.indexes().values()) {
            if (desired.isCopy()) {
                continue;
            }
            if (built.contains(desired.ref())) {
                if (!desired.statistics().isEmpty()) {
                    own.add(new AlterIndexStatistics(desired, List.of()));
                }
                continue;
            }
            Index current = from.indexes().get(desired.name());
            if (current != null && !current.statistics().equals(desired.statistics())) {
                own.add(new AlterIndexStatistics(desired, current.statistics()));
            }
        }
        out.addAll(own);
        Set<ObjectRef> touched = touchedIndexesAndTables(out);
        for (Index desired : to.indexes().values()) {
            if (desired.isCopy()) {
                copy(desired, from, to, touched, out);
            }
        }
    }

    private static void copy(Index desired, ModelIndex from, ModelIndex to, Set<ObjectRef> touched, List<Change> out) {
        Index current = from.indexes().get(desired.name());
        boolean settled = current != null && !touched.contains(ObjectRef.of(ObjectKind.INDEX, desired.parentIndex()))
                && !touched.contains(ObjectRef.of(ObjectKind.TABLE, desired.table()));
        if (settled) {
            if (!current.statistics().equals(desired.statistics())) {
                out.add(new AlterIndexStatistics(desired, current.statistics()));
            }
            return;
        }
        List<IndexStatistics> unknown = unknownTargets(desired, current, from.indexes().get(desired.parentIndex()),
                to.indexes().get(desired.parentIndex()));
        if (!unknown.isEmpty()) {
            out.add(new AlterIndexStatistics(desired, unknown));
        }
    }

    /**
     * What the copy may hold before its step, as targets that differ from the desired ones wherever it
     * could differ, so that each such column is set: a desired target is set anew (it may be there
     * already), a column that returns to the default is reset when the copy, or its parent before or
     * after the plan, sets it. Empty when every column certainly has its desired target.
     */
    private static List<IndexStatistics> unknownTargets(Index desired, Index current, Index parentBefore,
                                                        Index parentAfter) {
        Map<Integer, Integer> wanted = targets(desired);
        Map<Integer, Integer> possible = new TreeMap<>();
        for (Index source : new Index[] {current, parentAfter, parentBefore}) {
            if (source != null) {
                targets(source).forEach(possible::putIfAbsent);
            }
        }
        List<IndexStatistics> unknown = new ArrayList<>();
        wanted.keySet().forEach(column -> unknown.add(new IndexStatistics(column, -1)));
        possible.forEach((column, target) -> {
            if (!wanted.containsKey(column)) {
                unknown.add(new IndexStatistics(column, target));
            }
        });
        return unknown;
    }

    private static Map<Integer, Integer> targets(Index index) {
        Map<Integer, Integer> targets = new TreeMap<>();
        index.statistics().forEach(s -> targets.put(s.column(), s.target()));
        return targets;
    }

    /** The indexes the plan builds or retargets, and the tables it creates or attaches. */
    private static Set<ObjectRef> touchedIndexesAndTables(List<Change> changes) {
        return changes.stream().filter(c -> c instanceof CreateIndex || c instanceof ReplaceIndex
                        || c instanceof AlterIndexStatistics || c instanceof CreateTable || c instanceof SetPartitionOf)
                .map(Change::target).collect(Collectors.toSet());
    }
}
