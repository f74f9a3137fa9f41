package dev.converge.api;

import java.util.List;

/**
 * The plan of every target of an environment.
 *
 * @param environment the environment
 * @param targets     each target's state and number of steps
 * @param text        the fleet plan as the CLI prints it (targets grouped by identical plans)
 * @param markdown    the fleet plan as a pull request shows it, marking what the environment's policy refuses
 * @param json        the fleet plan as JSON ({@code converge plan --env E --format json}; with the shard, if one)
 */
public record EnvironmentPlan(String environment, List<TargetStatus> targets, String text, String markdown,
                              String json) {
    public EnvironmentPlan {
        targets = List.copyOf(targets);
    }

    /** True when some target has changes to apply. */
    public boolean hasChanges() {
        return targets.stream().anyMatch(TargetStatus::pending);
    }

    /** True when some target could not be planned (its {@link TargetStatus#error() error} says why). */
    public boolean hasFailures() {
        return targets.stream().anyMatch(t -> t.error() != null);
    }

    /** True when some target changed outside Converge since its last apply. */
    public boolean hasDrift() {
        return targets.stream().anyMatch(TargetStatus::drifted);
    }
}
