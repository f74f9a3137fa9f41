package dev.converge.engine.fleet;

import dev.converge.engine.plan.Plan;
import java.util.List;

/**
 * PlanGroup is the targets of a fleet plan whose plans are identical (once each tenant's schema is
 * mapped back to the template), under a label: "A", "B"... for plans with steps, "in sync" for the
 * empty plan.
 */
public record PlanGroup(String label, List<TargetPlan> members) {
    public static final String IN_SYNC = "in sync";

    public PlanGroup {
        members = List.copyOf(members);
    }

    /** The plan of the group's first target, shown for the whole group. */
    public Plan representative() {
        return members.get(0).plan();
    }

    public int steps() {
        return representative().steps().size();
    }

    public long drifted() {
        return members.stream().filter(m -> m.drift() == Drift.DRIFTED).count();
    }

    public List<String> names() {
        return members.stream().map(m -> m.target().name()).toList();
    }
}
