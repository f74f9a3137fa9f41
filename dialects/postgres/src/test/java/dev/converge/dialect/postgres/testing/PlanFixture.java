package dev.converge.dialect.postgres.testing;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.inspect.PostgresInspector;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.safety.OnlineStrategies;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.PlanAnnotator;
import dev.converge.engine.spi.ServerVersion;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * PlanFixture is a target database and a database holding the desired state, both fresh on the local
 * server, and the plan between them: the desired side is built directly from SQL (no shadow), which
 * is all the safety tests need. Closing drops both.
 */
public final class PlanFixture implements AutoCloseable {
    public final LocalPostgres target;
    private final LocalPostgres desired;

    public PlanFixture(String current, String desiredSql) {
        target = LocalPostgres.create("pft");
        desired = LocalPostgres.create("pfd");
        target.execute(current);
        desired.execute(desiredSql);
    }

    public SchemaModel current() {
        return inspect(target);
    }

    /** The plan from the target to the desired state, with the target's live facts. */
    public Plan plan(OnlineStrategies strategies, PlanAnnotator.Options options) {
        SchemaModel current = current();
        Plan plan = Planner.of(new PostgresDialect(), new ServerVersion(15, 0, "15"), strategies)
                .plan(current, inspect(desired), "fixture");
        try (Connection c = target.connect()) {
            return new PostgresDialect().annotator().annotate(plan, c, current, options);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Plan plan(OnlineStrategies strategies) {
        return plan(strategies, PlanAnnotator.Options.DEFAULT);
    }

    private static SchemaModel inspect(LocalPostgres db) {
        try (Connection c = db.connect()) {
            return new PostgresInspector().inspect(c, InspectScope.ALL);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            target.close();
        } finally {
            desired.close();
        }
    }
}
