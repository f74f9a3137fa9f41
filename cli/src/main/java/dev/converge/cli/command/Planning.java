package dev.converge.cli.command;

import dev.converge.cli.option.DesiredOptions;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;

/**
 * Planning is what plan and apply share: normalize the desired state, inspect the target, and plan
 * the difference. The desired state is resolved before the target is inspected, so that bad input
 * fails before anything about the target is read.
 */
final class Planning {
    final DesiredState desired;
    final Plan plan;

    private Planning(DesiredState desired, Plan plan) {
        this.desired = desired;
        this.plan = plan;
    }

    static Planning run(Target target, DesiredOptions desiredOptions, InspectScope scope) {
        DesiredState desired = new DesiredStateResolver(target.dialect).resolve(desiredOptions.desired,
                desiredOptions.shadowSpec(target.dialect), target.url, target.version, scope);
        return new Planning(desired, replan(target, desired.model(), scope));
    }

    /** A plan from the target as it is now to an already resolved desired model. */
    static Plan replan(Target target, SchemaModel desired, InspectScope scope) {
        SchemaModel current = target.inspect(scope);
        Planner planner = new Planner(target.dialect.id(), target.dialect.sqlGenerator(),
                target.dialect.safetyClassifier());
        return planner.plan(current, desired, target.url.display());
    }
}
