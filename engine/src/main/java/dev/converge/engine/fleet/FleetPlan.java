package dev.converge.engine.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FleetPlan is the plan of a whole environment: one {@link TargetPlan} per target, in target order,
 * and the groups of targets with identical plans.
 */
public record FleetPlan(String environment, String desiredHash, String desiredDescription, List<TargetPlan> targets) {
    public FleetPlan {
        targets = List.copyOf(targets);
    }

    /**
     * Targets grouped by identical plans: groups with steps first, largest first, labelled A, B, ...;
     * the targets already in sync last. Targets that could not be planned are in no group.
     */
    public List<PlanGroup> groups() {
        Map<String, List<TargetPlan>> byKey = new LinkedHashMap<>();
        targets.stream().filter(t -> !t.failed()).forEach(t -> byKey.computeIfAbsent(t.groupKey(),
                k -> new ArrayList<>()).add(t));
        List<List<TargetPlan>> pending = byKey.values().stream().filter(g -> g.get(0).pending())
                .sorted(Comparator.<List<TargetPlan>>comparingInt(List::size).reversed()
                        .thenComparing(g -> g.get(0).target().name()))
                .toList();
        List<PlanGroup> groups = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            groups.add(new PlanGroup(label(i), pending.get(i)));
        }
        byKey.values().stream().filter(g -> !g.get(0).pending()).findFirst()
                .ifPresent(g -> groups.add(new PlanGroup(PlanGroup.IN_SYNC, g)));
        return groups;
    }

    public List<TargetPlan> failures() {
        return targets.stream().filter(TargetPlan::failed).toList();
    }

    public List<TargetPlan> drifted() {
        return targets.stream().filter(t -> t.drift() == Drift.DRIFTED).toList();
    }

    public boolean hasChanges() {
        return targets.stream().anyMatch(TargetPlan::pending);
    }

    /** A, B, ..., Z, AA, AB, ...: plans of a large fleet stay nameable. */
    static String label(int index) {
        String label = "";
        int i = index;
        do {
            label = (char) ('A' + i % 26) + label;
            i = i / 26 - 1;
        } while (i >= 0);
        return label;
    }
}
