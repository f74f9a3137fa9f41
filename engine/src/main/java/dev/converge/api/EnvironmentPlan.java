package dev.converge.api;

import java.util.List;

/**
 * The plan of every target of an environment.
 *
 * @param environment the environment
 * @param targets     each target's state and number of steps
 * @param text        the fleet plan as the CLI prints it (targets grouped by identical plans)
 * @param json        the fleet plan as JSON ({@code converge plan --env E --format json})
 */
public record EnvironmentPlan(String environment, List<TargetStatus> targets, String text, String json) {
    public EnvironmentPlan {
        targets = List.copyOf(targets);
    }

    /** True when some target has changes to apply. */
    public boolean hasChanges() {
        return targets.stream().anyMatch(TargetStatus::pending);
    }

    /** True when some target changed outside Converge since its last apply. */
    public boolean hasDrift() {
        return targets.stream().anyMatch(TargetStatus::drifted);
    }
}
