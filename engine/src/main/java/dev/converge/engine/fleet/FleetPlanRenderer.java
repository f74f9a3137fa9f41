package dev.converge.engine.fleet;

import dev.converge.engine.diag.Plural;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.PlanTextRenderer;
import java.util.List;
import java.util.Locale;

/**
 * FleetPlanRenderer prints a fleet plan for people: one line per group ("412 tenants: plan A (3
 * steps)"), then each distinct plan once, shown for the first target of its group, then the drifted
 * targets with what changed outside Converge, then the targets that could not be planned.
 */
public final class FleetPlanRenderer {
    private static final int NAMES_SHOWN = 8;

    public String render(FleetPlan plan) {
        StringBuilder out = new StringBuilder();
        List<PlanGroup> groups = plan.groups();
        out.append("Environment ").append(plan.environment()).append(": ").append(count(plan.targets().size(), "target"))
                .append(", desired state ").append(shortHash(plan.desiredHash())).append('\n');
        for (PlanGroup group : groups) {
            out.append(String.format(Locale.ROOT, "  %6d %s: ", group.members().size(),
                    Plural.noun(group.members().size(), "target")));
            if (PlanGroup.IN_SYNC.equals(group.label())) {
                out.append("no changes");
            } else {
                out.append("plan ").append(group.label()).append(" (").append(count(group.steps(), "step")).append(')');
            }
            if (group.drifted() > 0) {
                out.append(", ").append(group.drifted()).append(" drifted (see below)");
            }
            out.append('\n');
        }
        if (!plan.failures().isEmpty()) {
            out.append(String.format(Locale.ROOT, "  %6d %s: could not be planned (see below)%n",
                    plan.failures().size(), Plural.noun(plan.failures().size(), "target")));
        }
        for (PlanGroup group : groups) {
            if (PlanGroup.IN_SYNC.equals(group.label())) {
                continue;
            }
            out.append("\n=== Plan ").append(group.label()).append(": ").append(names(group.names())).append('\n');
            out.append(new PlanTextRenderer().render(group.representative()));
        }
        if (!plan.drifted().isEmpty()) {
            out.append("\n=== Drifted: changed outside Converge since their last apply\n");
            for (TargetPlan t : plan.drifted()) {
                out.append("  ").append(t.target().name()).append(" (last apply ").append(t.lastApply().appliedAt())
                        .append(" by ").append(t.lastApply().databaseUser()).append("):\n");
                for (PlanStep step : t.driftSteps().steps()) {
                    out.append("    ").append(step.symbol()).append(' ').append(step.description()).append('\n');
                }
            }
        }
        if (!plan.failures().isEmpty()) {
            out.append("\n=== Could not be planned\n");
            plan.failures().forEach(t -> out.append("  ").append(t.target().name()).append(": ")
                    .append(t.error()).append('\n'));
        }
        return out.toString();
    }

    static String names(List<String> names) {
        if (names.size() <= NAMES_SHOWN) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMES_SHOWN)) + " and " + (names.size() - NAMES_SHOWN) + " more";
    }

    static String count(long n, String noun) {
        return Plural.count(n, noun);
    }

    public static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
