package dev.converge.engine.plan;

import dev.converge.engine.change.Change;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.safety.Probe;
import dev.converge.engine.safety.TableImpact;
import dev.converge.engine.safety.TableSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * LiveFacts is the dialect-neutral half of a plan annotator: which tables to measure, and, step by
 * step, the impact lines from the table sizes and the data checks from the dialect's probes. The
 * dialect says which probes a change needs and runs them (its SQL, its time limits, its sampling).
 */
public final class LiveFacts {
    /** Runs one probe against a table of about {@code rows} rows (-1: unknown). */
    @FunctionalInterface
    public interface ProbeRunner {
        DataCheck run(Probe probe, long rows);
    }

    private final Function<Change, List<Probe>> probes;

    /** @param probes the probes a change needs on the target (none for most) */
    public LiveFacts(Function<Change, List<Probe>> probes) {
        this.probes = probes;
    }

    /** Every table a locking step locks or a probe reads, sorted. */
    public List<QualifiedName> tablesToMeasure(Plan plan) {
        Set<QualifiedName> tables = new TreeSet<>();
        for (PlanStep step : plan.steps()) {
            if (step.isLocking()) {
                step.safety().locks().forEach(lock -> tables.add(lock.table()));
            }
            probes.apply(step.change()).forEach(probe -> tables.add(probe.table()));
        }
        return List.copyOf(tables);
    }

    /**
     * The plan with each step's impacts and data checks; with {@code checkData} off every probe is
     * reported as skipped, so the plan still says what was not checked.
     */
    public Plan annotate(Plan plan, Map<QualifiedName, TableSize> sizes, boolean checkData, ProbeRunner runner) {
        List<PlanStep> steps = new ArrayList<>();
        for (PlanStep step : plan.steps()) {
            List<TableImpact> impacts = StepImpacts.of(step, sizes);
            List<DataCheck> checks = new ArrayList<>();
            for (Probe probe : probes.apply(step.change())) {
                TableSize size = sizes.get(probe.table());
                checks.add(checkData ? runner.run(probe, size == null ? -1 : size.rows())
                        : DataCheck.skipped(probe.what(), "skipped: data checks are turned off"));
            }
            steps.add(impacts.isEmpty() && checks.isEmpty() ? step
                    : step.withSafety(step.safety().withFacts(impacts, checks)));
        }
        return plan.withSteps(steps);
    }
}
