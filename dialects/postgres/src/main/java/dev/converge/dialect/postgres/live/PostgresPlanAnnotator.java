package dev.converge.dialect.postgres.live;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.change.Change;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.LiveFacts;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.TableSize;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.List;

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
        List<Change> changes = plan.steps().stream().map(PlanStep::change).toList();
        PlannedRelations relations = new PlannedRelations(current.tables(), changes);
        LiveFacts facts = new LiveFacts(new Probes(relations, Probes.createdEnums(changes))::of);
        try {
            GranteeRoles.requireExisting(plan, target);
            Map<QualifiedName, TableSize> stats = TableStatistics.read(target, facts.tablesToMeasure(plan));
            ProbeRunner runner = new ProbeRunner(target, clock, clock.instant().plus(options.budget()),
                    options.sampleAbove(), options.rowValues());
            return facts.annotate(plan, stats, options.checkData(), runner::run);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot read table statistics of " + plan.target() + ": "
                    + e.getMessage(), e);
        }
    }
}
