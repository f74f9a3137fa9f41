package dev.converge.engine.apply;

import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;

/**
 * ApplyGroups cuts a plan's steps into the groups an apply commits one by one. Consecutive
 * transactional steps share a transaction, so that a failure among them leaves nothing behind; a
 * step with a statement that cannot run in a transaction (CREATE INDEX CONCURRENTLY, any MySQL DDL)
 * is a group of its own, checkpointed on its own and undone by its inverse statements.
 *
 * <p>A step without a statement of its own (made by the statement of the step before it, as MySQL's
 * clauses of one ALTER TABLE are) joins the group of that step.
 *
 * <p>New enum labels end their group: PostgreSQL refuses to use a label in the transaction that
 * added it, so the labels (which the planner puts first, as they need nothing else) commit before
 * the steps that may use them.
 */
public final class ApplyGroups {
    private ApplyGroups() {
    }

    public static List<StepGroup> of(List<PlanStep> steps) {
        List<StepGroup> groups = new ArrayList<>();
        List<PlanStep> open = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            PlanStep step = steps.get(i);
            if (step.isMadeByPreviousStep() && open.isEmpty() && !groups.isEmpty()) {
                // Made by the statement of the step before, which ran on its own: applied and undone with it.
                StepGroup last = groups.remove(groups.size() - 1);
                List<PlanStep> joined = new ArrayList<>(last.steps());
                joined.add(step);
                groups.add(new StepGroup(last.number(), last.transactional(), joined));
                continue;
            }
            if (!step.isTransactional()) {
                close(groups, open);
                groups.add(new StepGroup(groups.size() + 1, false, List.of(step)));
                continue;
            }
            open.add(step);
            boolean labelsEnd = addsEnumLabel(step) && (i + 1 == steps.size() || !addsEnumLabel(steps.get(i + 1)));
            if (labelsEnd) {
                close(groups, open);
            }
        }
        close(groups, open);
        return groups;
    }

    private static boolean addsEnumLabel(PlanStep step) {
        return step.change() instanceof AddEnumValue;
    }

    private static void close(List<StepGroup> groups, List<PlanStep> open) {
        if (!open.isEmpty()) {
            groups.add(new StepGroup(groups.size() + 1, true, open));
            open.clear();
        }
    }
}
