package dev.converge.api;

import dev.converge.engine.plan.Plan;
import dev.converge.engine.safety.SafetyPolicy;
import java.util.List;

/**
 * The plan {@link SchemaDiff#plan()} found between two schemas: to read, never to apply (nothing
 * ties it to a target as a saved plan is tied). Markdown marks destructive steps as the default
 * policy would.
 */
public final class DiffPlan {
    private final Plan plan;

    DiffPlan(Plan plan) {
        this.plan = plan;
    }

    /** As {@code converge diff --format text|markdown|json} prints it. */
    public String render(Format format) {
        return ConvergePlan.render(plan, format, SafetyPolicy.DEFAULT);
    }

    /** True when the two schemas are the same. */
    public boolean isEmpty() {
        return plan.isEmpty();
    }

    /** {@code Plan: 3 to add, 1 to change, 1 to destroy.} */
    public String summary() {
        return plan.summary();
    }

    public List<Step> steps() {
        return plan.steps().stream().map(ConvergePlan::step).toList();
    }

    @Override
    public String toString() {
        return render(Format.TEXT);
    }
}
