package dev.converge.engine.plan;

import dev.converge.engine.change.RebuildTable;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.TableImpact;
import dev.converge.engine.safety.TableLock;
import dev.converge.engine.safety.TableSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * StepImpacts turns a locking step's table locks and the target's table sizes into the plan's impact
 * lines ({@code rewrites public.orders: ~12.4M rows, 3.1 GB}), the same way for every dialect: the verb
 * is the heaviest thing the step does to the table.
 */
public final class StepImpacts {
    private StepImpacts() {
    }

    /** The impact on each table the step locks and the statistics know; none for a step that does not lock. */
    public static List<TableImpact> of(PlanStep step, Map<QualifiedName, TableSize> sizes) {
        if (!step.isLocking()) {
            return List.of();
        }
        String verb = verb(step);
        List<TableImpact> impacts = new ArrayList<>();
        for (TableLock lock : step.safety().locks()) {
            TableSize size = sizes.get(lock.table());
            if (size != null) {
                impacts.add(new TableImpact(lock.table(), verb, size.rows(), size.totalBytes()));
            }
        }
        return impacts;
    }

    private static String verb(PlanStep step) {
        if (step.change() instanceof RebuildTable) {
            return TableImpact.REBUILDS;
        }
        Set<HazardCode> codes = step.hazards().stream().map(Hazard::code).collect(Collectors.toSet());
        if (codes.contains(HazardCode.TABLE_REWRITE)) {
            return "rewrites";
        }
        if (codes.contains(HazardCode.INDEX_BUILD)) {
            return "indexes";
        }
        if (codes.contains(HazardCode.FULL_TABLE_SCAN)) {
            return "scans";
        }
        return "locks";
    }
}
