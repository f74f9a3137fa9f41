package dev.converge.engine.apply;

import static dev.converge.engine.Fixtures.col;
import static dev.converge.engine.Fixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.AddEnumValue;
import dev.converge.engine.change.Change;
import dev.converge.engine.model.EnumType;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.PlanStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplyGroupsTest {
    private final List<PlanStep> steps = new ArrayList<>();

    private ApplyGroupsTest step(Change change, boolean transactional) {
        int n = steps.size() + 1;
        steps.add(new PlanStep(n, "step-" + n, change.action(), false, change.target(), "step " + n,
                List.of(new DdlStatement("-- " + n, transactional)), Set.of(), List.of(), change));
        return this;
    }

    private ApplyGroupsTest tx() {
        return step(new AddColumn(name("public.t"), col("c" + steps.size(), "integer")), true);
    }

    private ApplyGroupsTest concurrent() {
        return step(new AddColumn(name("public.t"), col("c" + steps.size(), "integer")), false);
    }

    /** A step made by the statement of the step before (MySQL's clauses of one ALTER TABLE). */
    private ApplyGroupsTest madeBefore() {
        int n = steps.size() + 1;
        Change change = new AddColumn(name("public.t"), col("c" + n, "integer"));
        steps.add(new PlanStep(n, "step-" + n, change.action(), false, change.target(), "step " + n, List.of(),
                Set.of(), List.of(), change));
        return this;
    }

    private ApplyGroupsTest label() {
        return step(new AddEnumValue(new EnumType(name("public.mood"), List.of("a"), null), "l" + steps.size(), null), true);
    }

    private List<String> groups() {
        return ApplyGroups.of(steps).stream()
                .map(g -> (g.transactional() ? "tx" : "alone") + g.steps().stream().map(PlanStep::number).toList())
                .toList();
    }

    @Test
    void transactionalStepsShareAGroupAndOthersRunAlone() {
        tx().tx().concurrent().tx().concurrent().concurrent().tx().tx();
        assertEquals(List.of("tx[1, 2]", "alone[3]", "tx[4]", "alone[5]", "alone[6]", "tx[7, 8]"), groups());
    }

    @Test
    void newEnumLabelsCommitBeforeTheStepsAfterThem() {
        label().label().tx().tx();
        assertEquals(List.of("tx[1, 2]", "tx[3, 4]"), groups());
    }

    @Test
    void anAllTransactionalPlanIsOneGroup() {
        tx().tx().tx();
        assertEquals(List.of("tx[1, 2, 3]"), groups());
    }

    @Test
    void aStepMadeByTheStatementBeforeJoinsItsGroup() {
        concurrent().madeBefore().madeBefore().concurrent().tx().madeBefore();
        assertEquals(List.of("alone[1, 2, 3]", "alone[4]", "tx[5, 6]"), groups());
        assertEquals(true, steps.get(1).isReversible(), "undone with the step before");
    }
}
