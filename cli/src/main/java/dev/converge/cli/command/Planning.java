package dev.converge.cli.command;

import dev.converge.cli.option.DesiredOptions;
import dev.converge.cli.option.SafetyOptions;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.plan.StatementLimits;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import dev.converge.engine.workflow.PlanPipeline;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Planning is what plan and apply share: normalize the desired state, inspect the target, and plan
 * the difference. The target is inspected in the background while the desired state is resolved
 * (loading a shadow, or inspecting a second database): the two are independent, and on two cores
 * this halves the wall time of a large plan. Bad input still wins: its error is reported, whatever
 * the inspection of the target did.
 */
final class Planning {
    final DesiredState desired;
    final Plan plan;
    /** The target's schema the plan starts from. */
    final SchemaModel current;
    /** What the files say beyond their SQL, with the command line's ignore patterns. */
    final SourceModel source;
    private final InspectScope scope;
    private final String desiredSource;

    private Planning(DesiredState desired, Plan plan, SchemaModel current, SourceModel source, InspectScope scope,
                     String desiredSource) {
        this.desired = desired;
        this.plan = plan;
        this.current = current;
        this.source = source;
        this.scope = scope;
        this.desiredSource = desiredSource;
    }

    /** This planning with {@code limits} written on every statement of the plan. */
    Planning withLimits(StatementLimits limits) {
        return new Planning(desired, limits.onEveryStatement(plan), current, source, scope, desiredSource);
    }

    /** The plan with all an apply needs to run it later, exactly as it is now. */
    SavedPlan saved() {
        return new SavedPlan(plan, List.copyOf(scope.schemas()), current, desired.model(), desired.hash(),
                GitCommit.of(desiredSource));
    }

    static Planning run(Target target, DesiredOptions desiredOptions, InspectScope scope) {
        return run(target, desiredOptions, scope, new SafetyOptions());
    }

    /**
     * Plans with the online strategies of {@code safety}, then adds the target's live facts (table
     * sizes, data pre-checks) within its budget.
     */
    static Planning run(Target target, DesiredOptions desiredOptions, InspectScope scope, SafetyOptions safety) {
        desiredOptions.require();
        CompletableFuture<SchemaModel> current = CompletableFuture.supplyAsync(() -> target.inspect(scope));
        DesiredState desired;
        try {
            desired = new DesiredStateResolver(target.dialect).resolve(desiredOptions.desired,
                    desiredOptions.shadowSpec(target.dialect), target.url, target.version, scope);
        } catch (RuntimeException e) {
            current.cancel(false);
            throw e;
        }
        SchemaModel currentModel = join(current);
        KnownSchemas.require(scope, target, currentModel, desired.model());
        SourceModel source = desired.source().withIgnorePatterns(desiredOptions.ignore);
        Plan plan = new PlanPipeline(target.dialect, safety.pipeline()).plan(target.connection, target.version,
                currentModel, desired.model(), target.url.display(), source);
        return new Planning(desired, plan, currentModel, source, scope, desiredOptions.desired);
    }

    /** A plan from the target as it is now to an already resolved desired model. */
    static Plan replan(Target target, SchemaModel desired, InspectScope scope) {
        return plan(target, target.inspect(scope), desired, SourceModel.unparsed(List.of()));
    }

    /** A plan from the target as it is now to a resolved desired state, naming where each object is declared. */
    static Plan replan(Target target, DesiredState desired, InspectScope scope) {
        return plan(target, target.inspect(scope), desired.model(), desired.source());
    }

    private static Plan plan(Target target, SchemaModel current, SchemaModel desired, SourceModel source) {
        Planner planner = Planner.of(target.dialect);
        return planner.plan(current, desired, target.url.display(), source);
    }

    private static SchemaModel join(CompletableFuture<SchemaModel> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }
}
