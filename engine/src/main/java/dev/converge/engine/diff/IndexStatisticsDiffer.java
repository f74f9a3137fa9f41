package dev.converge.engine.diff;

import dev.converge.engine.change.AlterIndexStatistics;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateIndex;
import dev.converge.engine.change.ReplaceIndex;
import dev.converge.engine.model.Index;
import dev.converge.engine.model.ObjectRef;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * IndexStatisticsDiffer sets the statistics targets of index columns. It runs after every differ that
 * may build an index (a new or replaced index, a materialized view's indexes created again): a built
 * index starts with the server's defaults, so it gets the desired targets after it is built; an index
 * that stays gets the difference in place.
 */
final class IndexStatisticsDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        Set<ObjectRef> built = out.stream().filter(c -> c instanceof CreateIndex || c instanceof ReplaceIndex)
                .map(Change::target).collect(Collectors.toSet());
        for (Index desired : to.indexes().values()) {
            if (desired.isCopy()) {
                continue;
            }
            if (built.contains(desired.ref())) {
                if (!desired.statistics().isEmpty()) {
                    out.add(new AlterIndexStatistics(desired, List.of()));
                }
                continue;
            }
            Index current = from.indexes().get(desired.name());
            if (current != null && !current.statistics().equals(desired.statistics())) {
                out.add(new AlterIndexStatistics(desired, current.statistics()));
            }
        }
    }
}
