package dev.converge.api;

import java.util.List;

/**
 * What a fleet apply did to an environment.
 *
 * @param environment  the environment
 * @param targets      each target's outcome, in rollout order
 * @param allConverged true when every target converged
 * @param summary      the summary the CLI prints
 */
public record FleetOutcome(String environment, List<TargetResult> targets, boolean allConverged, String summary) {
    public FleetOutcome {
        targets = List.copyOf(targets);
    }
}
