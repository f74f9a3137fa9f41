package dev.converge.engine.fleet;

import dev.converge.engine.diag.Plural;
import dev.converge.engine.plan.PlanMarkdownRenderer;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.SafetyPolicy;
import java.util.List;
import java.util.function.Function;

/**
 * FleetPlanMarkdownRenderer writes the plan of an environment as a pull-request comment: a table of
 * the groups of targets that share a plan, then each distinct plan once, as a single plan's Markdown
 * (summary, refusals, Mermaid graph, steps), then drift and the targets that could not be planned.
 * A comment has a size limit (GitHub: 65,536 characters), so it is capped: the largest groups' plans
 * in full, the rest named in the table, and long lists cut with a count of what is left out. The
 * output depends only on the fleet plan and the policy, so it is golden-tested.
 */
public final class FleetPlanMarkdownRenderer {
    /** Distinct plans shown in full; a fleet with more is one where the text or the HTML report serves. */
    static final int PLANS_SHOWN = 3;
    /** Drifted and failed targets listed one by one. */
    static final int TARGETS_LISTED = 20;

    public String render(FleetPlan plan, SafetyPolicy policy) {
        StringBuilder out = new StringBuilder("### Converge plan for environment `").append(plan.environment())
                .append("`\n\n**").append(Plural.count(plan.targets().size(), "target")).append(", desired state `")
                .append(FleetPlanRenderer.shortHash(plan.desiredHash())).append("`**\n\n");
        List<PlanGroup> groups = plan.groups();
        out.append("| group | targets | steps | drifted | examples |\n| --- | ---: | ---: | ---: | --- |\n");
        for (PlanGroup group : groups) {
            String name = PlanGroup.IN_SYNC.equals(group.label()) ? "in sync" : "plan " + group.label();
            out.append("| ").append(name).append(" | ").append(group.members().size()).append(" | ")
                    .append(group.steps()).append(" | ").append(group.drifted()).append(" | ")
                    .append(FleetPlanRenderer.names(group.names())).append(" |\n");
        }
        if (!plan.failures().isEmpty()) {
            out.append("| could not be planned | ").append(plan.failures().size()).append(" | | | ")
                    .append(FleetPlanRenderer.names(plan.failures().stream().map(t -> t.target().name()).toList()))
                    .append(" |\n");
        }
        out.append('\n');
        List<PlanGroup> pending = groups.stream().filter(g -> !PlanGroup.IN_SYNC.equals(g.label())).toList();
        for (PlanGroup group : pending.subList(0, Math.min(PLANS_SHOWN, pending.size()))) {
            out.append("### Plan ").append(group.label()).append(": ")
                    .append(Plural.count(group.members().size(), "target")).append("\n\n")
                    .append("Shown for `").append(group.members().get(0).target().name()).append("`; ")
                    .append(FleetPlanRenderer.names(group.names())).append(".\n\n")
                    .append(new PlanMarkdownRenderer().body(group.representative(), policy)).append('\n');
        }
        if (pending.size() > PLANS_SHOWN) {
            out.append("_").append(Plural.count(pending.size() - PLANS_SHOWN, "more distinct plan"))
                    .append(" not shown here (plans ").append(pending.get(PLANS_SHOWN).label()).append(" to ")
                    .append(pending.get(pending.size() - 1).label()).append("): `converge plan --env ")
                    .append(plan.environment()).append("` prints every one, `converge report --env ")
                    .append(plan.environment()).append("` draws them._\n\n");
        }
        appendTargets("Drifted: changed outside Converge since their last apply", plan.drifted(),
                FleetPlanMarkdownRenderer::driftItem, out);
        appendTargets("Could not be planned", plan.failures(), FleetPlanMarkdownRenderer::failureItem, out);
        return out.toString();
    }

    /** A heading, then up to {@link #TARGETS_LISTED} targets, each named with its {@code item}, then how many more. */
    private static void appendTargets(String heading, List<TargetPlan> targets, Function<TargetPlan, String> item,
                                      StringBuilder out) {
        if (targets.isEmpty()) {
            return;
        }
        out.append("### ").append(heading).append("\n\n");
        for (TargetPlan t : targets.subList(0, Math.min(TARGETS_LISTED, targets.size()))) {
            out.append("- `").append(t.target().name()).append('`').append(item.apply(t)).append('\n');
        }
        if (targets.size() > TARGETS_LISTED) {
            out.append("- _and ").append(targets.size() - TARGETS_LISTED).append(" more_\n");
        }
        out.append('\n');
    }

    /** When and by whom it was last applied, then the steps that would undo its drift. */
    private static String driftItem(TargetPlan t) {
        StringBuilder item = new StringBuilder(" (last apply ").append(t.lastApply().appliedAt()).append(" by ")
                .append(t.lastApply().databaseUser()).append(")");
        List<PlanStep> steps = t.driftSteps() == null ? List.of() : t.driftSteps().steps();
        steps.forEach(s -> item.append("\n  - ").append(s.symbol()).append(' ').append(s.description()));
        return item.toString();
    }

    /** The first line of its error: a server's error may run on (its detail is in the text plan and the history). */
    private static String failureItem(TargetPlan t) {
        return ": " + (t.error() == null ? "" : t.error().lines().findFirst().orElse(""));
    }
}
