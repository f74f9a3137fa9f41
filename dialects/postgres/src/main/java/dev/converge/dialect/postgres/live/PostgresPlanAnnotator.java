package dev.converge.dialect.postgres.live;

import dev.converge.dialect.postgres.live.TableStatistics.Stats;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.EnumType;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.TableImpact;
import dev.converge.engine.safety.TableLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * PostgresPlanAnnotator adds the target's facts to a plan: for every locking step, the row estimate
 * and size of each table it locks (one catalog query for the whole plan), and for every step that may
 * fail on existing data, the result of a bounded, read-only probe.
 */
public final class PostgresPlanAnnotator implements dev.converge.engine.spi.PlanAnnotator {
    private final Clock clock;

    public PostgresPlanAnnotator() {
        this(Clock.systemUTC());
    }

    PostgresPlanAnnotator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Plan annotate(Plan plan, Connection target, SchemaModel current, Options options) {
        if (plan.isEmpty()) {
            return plan;
        }
        Set<QualifiedName> existing = current.tables().stream().map(t -> t.name()).collect(Collectors.toSet());
        Map<String, EnumType> createdEnums = Probes.createdEnums(plan.steps().stream().map(PlanStep::change).toList());
        Probes probes = new Probes(existing, createdEnums);
        try {
            GranteeRoles.requireExisting(plan, target);
            Map<QualifiedName, Stats> stats = TableStatistics.read(target, tablesToMeasure(plan, probes));
            ProbeRunner runner = new ProbeRunner(target, clock, clock.instant().plus(options.budget()),
                    options.sampleAbove());
            List<PlanStep> steps = new ArrayList<>();
            for (PlanStep step : plan.steps()) {
                List<TableImpact> impacts = step.isLocking() ? impacts(step, stats) : List.of();
                List<DataCheck> checks = new ArrayList<>();
                for (Probe probe : probes.of(step.change())) {
                    checks.add(options.checkData() ? runner.run(probe, rows(stats, probe.table()))
                            : DataCheck.skipped(probe.what(), "skipped: data checks are turned off"));
                }
                steps.add(impacts.isEmpty() && checks.isEmpty() ? step
                        : step.withSafety(step.safety().withFacts(impacts, checks)));
            }
            return plan.withSteps(steps);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot read table statistics of " + plan.target() + ": "
                    + e.getMessage(), e);
        }
    }

    private static long rows(Map<QualifiedName, Stats> stats, QualifiedName table) {
        Stats s = stats.get(table);
        return s == null ? -1 : s.rows();
    }

    private static List<QualifiedName> tablesToMeasure(Plan plan, Probes probes) {
        Set<QualifiedName> tables = new TreeSet<>();
        for (PlanStep step : plan.steps()) {
            if (step.isLocking()) {
                step.safety().locks().forEach(lock -> tables.add(lock.table()));
            }
            probes.of(step.change()).forEach(probe -> tables.add(probe.table()));
        }
        return List.copyOf(tables);
    }

    private static List<TableImpact> impacts(PlanStep step, Map<QualifiedName, Stats> stats) {
        String verb = verb(step);
        List<TableImpact> impacts = new ArrayList<>();
        for (TableLock lock : step.safety().locks()) {
            Stats s = stats.get(lock.table());
            if (s != null) {
                impacts.add(new TableImpact(lock.table(), verb, s.rows(), s.totalBytes()));
            }
        }
        return impacts;
    }

    private static String verb(PlanStep step) {
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
