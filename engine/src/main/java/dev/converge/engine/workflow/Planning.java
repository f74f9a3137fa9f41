package dev.converge.engine.workflow;

import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.plan.StatementLimits;
import dev.converge.engine.source.SourceModel;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ShadowSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Planning is the single-target flow that plan, apply and lint share, in the CLI and in the public
 * API: normalize the desired state, inspect the target, and plan the difference. The target is
 * inspected in the background while the desired state is resolved (loading a shadow, or inspecting
 * a second database): the two are independent, and on two cores this halves the wall time of a
 * large plan. Bad input still wins: its error is reported, whatever the inspection of the target did.
 *
 * @param desired       the normalized desired state
 * @param plan          the plan from {@code current} to it
 * @param current       the target's schema the plan starts from
 * @param source        what the files say beyond their SQL, with the caller's ignore patterns
 * @param scope         the schemas and roles planned
 * @param desiredSource where the desired state came from (a directory, a file or a URL), for its git commit
 */
public record Planning(DesiredState desired, Plan plan, SchemaModel current, SourceModel source, InspectScope scope,
                       String desiredSource) {

    /** What to plan for: where the desired state is, which shadow normalizes it, what to leave alone. */
    public record Request(String desired, ShadowSpec shadow, List<String> ignore, InspectScope scope,
                          PlanPipeline.Settings settings) {
        public Request {
            ignore = List.copyOf(ignore);
        }
    }

    /** This planning with {@code limits} written on every statement of the plan. */
    public Planning withLimits(StatementLimits limits) {
        return new Planning(desired, limits.onEveryStatement(plan), current, source, scope, desiredSource);
    }

    /** The plan with all an apply needs to run it later, exactly as it is now. */
    public SavedPlan saved() {
        return new SavedPlan(plan, List.copyOf(scope.schemas()), current, desired.model(), desired.hash(),
                GitCommit.of(desiredSource));
    }

    /**
     * Plans with the online strategies of the request, then adds the target's live facts (table
     * sizes, data pre-checks) within its budget.
     */
    public static Planning run(Target target, Request request) {
        // The shadow is stopped beside the diff below, and gone before this returns.
        try (PendingStops stops = new PendingStops()) {
            return run(target, request, stops);
        }
    }

    private static Planning run(Target target, Request request, PendingStops stops) {
        InspectScope scope = request.scope();
        CompletableFuture<SchemaModel> current = CompletableFuture.supplyAsync(() -> target.inspect(scope));
        DesiredState desired;
        try {
            desired = new DesiredStateResolver(target.dialect(), NormalizationCache.fromEnvironment(), stops)
                    .resolve(request.desired(), request.shadow(), target.url(), target.version(), scope);
        } catch (RuntimeException e) {
            current.cancel(false);
            throw e;
        }
        SchemaModel currentModel = join(current);
        SourceModel source = desired.source().withIgnorePatterns(request.ignore());
        PlanPipeline pipeline = new PlanPipeline(target.dialect(), request.settings());
        // Kept at the target's fixed point, so that the saved plan's desired model (which the apply checks
        // convergence against) agrees with the plan.
        desired = desired.withModel(pipeline.atTargetFixedPoint(target.connection(), currentModel, desired.model()));
        Plan plan = pipeline.plan(target.connection(), target.version(), currentModel, desired.model(),
                target.url().display(), source);
        return new Planning(desired, plan, currentModel, source, scope, request.desired());
    }

    /** A plan from the target as it is now to a resolved desired state, naming where each object is declared. */
    public static Plan replan(Target target, DesiredState desired, InspectScope scope) {
        Planner planner = Planner.of(target.dialect());
        return planner.plan(target.inspect(scope), desired.model(), target.url().display(), desired.source());
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
