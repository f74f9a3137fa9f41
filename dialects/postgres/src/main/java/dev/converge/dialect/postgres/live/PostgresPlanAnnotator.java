package dev.converge.dialect.postgres.live;

import dev.converge.engine.change.Change;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.LiveFacts;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.Probe;
import dev.converge.engine.safety.ProbeBudget;
import dev.converge.engine.safety.TableSize;
import dev.converge.engine.spi.LiveFactsAnnotator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * PostgresPlanAnnotator adds the target's facts to a plan: for every locking step, the row estimate
 * and size of each table it locks (one catalog query for the whole plan), and for every step that may
 * fail on existing data, the result of a bounded, read-only probe.
 */
public final class PostgresPlanAnnotator extends LiveFactsAnnotator {
    @Override
    protected Function<Change, List<Probe>> probes(Plan plan, SchemaModel current) {
        List<Change> changes = plan.steps().stream().map(PlanStep::change).toList();
        return new Probes(new PlannedRelations(current.tables(), changes), Probes.createdEnums(changes))::of;
    }

    /* The roles the plan grants to must exist before anything else is read: a plan for missing roles fails. */
    @Override
    protected Map<QualifiedName, TableSize> sizes(Plan plan, Connection target, List<QualifiedName> tables)
            throws SQLException {
        GranteeRoles.requireExisting(plan, target);
        return TableStatistics.read(target, tables);
    }

    @Override
    protected LiveFacts.ProbeRunner runner(Connection target, ProbeBudget budget) {
        return new ProbeRunner(target, budget)::run;
    }
}
