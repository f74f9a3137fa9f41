package dev.converge.engine.apply;

import java.util.List;
import dev.converge.engine.plan.PlanStep;

/**
 * StepGroup is what an apply commits at once: consecutive transactional steps in one transaction, or
 * one non-transactional step on its own.
 *
 * @param number 1-based, in the order groups run
 */
public record StepGroup(int number, boolean transactional, List<PlanStep> steps) {
    public StepGroup {
        steps = List.copyOf(steps);
    }

    public int firstStep() {
        return steps.get(0).number();
    }

    public int lastStep() {
        return steps.get(steps.size() - 1).number();
    }
}
