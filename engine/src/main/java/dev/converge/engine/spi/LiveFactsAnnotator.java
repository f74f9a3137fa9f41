package dev.converge.engine.spi;

import dev.converge.engine.change.Change;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.LiveFacts;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.safety.Probe;
import dev.converge.engine.safety.ProbeBudget;
import dev.converge.engine.safety.TableSize;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * LiveFactsAnnotator is the course every dialect's {@link PlanAnnotator} takes: nothing for an empty
 * plan; otherwise the sizes of the tables the plan locks or probes (one query), then the probes within
 * one {@link ProbeBudget} for the whole plan, through {@link LiveFacts}. A dialect says which probes a
 * change needs, how its server tells table sizes, and how it runs a probe.
 */
public abstract class LiveFactsAnnotator implements PlanAnnotator {
    private final Clock clock;

    protected LiveFactsAnnotator() {
        this(Clock.systemUTC());
    }

    /** For tests: probe deadlines on {@code clock}. */
    protected LiveFactsAnnotator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public final Plan annotate(Plan plan, Connection target, SchemaModel current, Options options) {
        if (plan.isEmpty()) {
            return plan;
        }
        LiveFacts facts = new LiveFacts(probes(plan, current));
        try {
            Map<QualifiedName, TableSize> sizes = sizes(plan, target, facts.tablesToMeasure(plan));
            ProbeBudget budget = new ProbeBudget(clock, clock.instant().plus(options.budget()), options.sampleAbove(),
                    options.rowValues());
            return facts.annotate(plan, sizes, options.checkData(), runner(target, budget));
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot read table statistics of " + plan.target() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The probes each change of {@code plan} needs against {@code current} (none for most). */
    protected abstract Function<Change, List<Probe>> probes(Plan plan, SchemaModel current);

    /**
     * The row estimate and size of each of {@code tables} on the target, in one query; the place, too,
     * for a check of the plan against the target that needs the server (read only, before any probe).
     */
    protected abstract Map<QualifiedName, TableSize> sizes(Plan plan, Connection target, List<QualifiedName> tables)
            throws SQLException;

    /** What runs one probe on the target within {@code budget}, read only. */
    protected abstract LiveFacts.ProbeRunner runner(Connection target, ProbeBudget budget) throws SQLException;
}
