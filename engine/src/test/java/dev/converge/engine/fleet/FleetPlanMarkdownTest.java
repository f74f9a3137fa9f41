package dev.converge.engine.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.change.Action;
import dev.converge.engine.change.AddColumn;
import dev.converge.engine.change.DropColumn;
import dev.converge.engine.model.Column;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.plan.DdlStatement;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.safety.SafetyClass;
import dev.converge.engine.safety.SafetyPolicy;
import dev.converge.engine.safety.StepSafety;
import dev.converge.engine.safety.TableLock;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.InspectScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;

/** Issue 18: plan --env --format markdown, per group of tenants sharing a plan, with its Mermaid graph, capped. */
class FleetPlanMarkdownTest {
    private static final QualifiedName ACCOUNTS = QualifiedName.of("app", "accounts");
    private static final DatabaseUrl URL = new DatabaseUrl("jdbc:postgresql://db:5432/prod", "app", null, "prod", "db",
            5432, Map.of());
    private static final HistoryEntry LAST = new HistoryEntry(7, Instant.parse("2026-12-01T10:00:00Z"), "deployer",
            "sha256:1", null, "converged", 1200);

    @Test
    void groupsDriftAndFailures() {
        Approvals.verify(new FleetPlanMarkdownRenderer().render(fleet(2), SafetyPolicy.DEFAULT),
                new Options().withReporter(new QuietReporter()).forFile().withExtension(".md"));
    }

    @Test
    void manyDistinctPlansAreCapped() {
        String md = new FleetPlanMarkdownRenderer().render(fleet(FleetPlanMarkdownRenderer.PLANS_SHOWN + 2),
                SafetyPolicy.DEFAULT);
        assertEquals(FleetPlanMarkdownRenderer.PLANS_SHOWN, md.split("\n### Plan ", -1).length - 1, md);
        assertEquals(FleetPlanMarkdownRenderer.PLANS_SHOWN, md.split("```mermaid", -1).length - 1, md);
        assertTrue(md.contains("_2 more distinct plans not shown here"), md);
    }

    /** {@code distinct} pending plans (the first shared by three tenants), a tenant in sync, a drifted one, a failure. */
    private static FleetPlan fleet(int distinct) {
        List<TargetPlan> targets = new ArrayList<>();
        for (int p = 0; p < distinct; p++) {
            int members = p == 0 ? 3 : 1;
            for (int m = 0; m < members; m++) {
                String tenant = "t" + p + m;
                targets.add(new TargetPlan(target(tenant), plan(tenant, "note" + p, p == 0), "plan" + p,
                        Drift.NONE, LAST, LAST, true, null, null, null, null));
            }
        }
        targets.add(new TargetPlan(target("quiet"), empty("quiet"), "empty", Drift.NONE, LAST, LAST, false, null,
                null, null, null));
        targets.add(new TargetPlan(target("moved"), empty("moved"), "empty", Drift.DRIFTED, LAST, LAST, false,
                new Plan(1, "postgres", "moved", "a", "b", List.of(add("moved", "hotfix", 1)), List.of()), null, null,
                null));
        targets.add(TargetPlan.failed(target("down"), "cannot connect to postgresql://app@db:5432/prod: connection"
                + " refused\nsecond line"));
        return new FleetPlan("prod", "sha256:0123456789abcdef0123", "schema/ (2 files)", targets);
    }

    private static FleetTarget target(String tenant) {
        return new FleetTarget("prod", tenant, URL, "tenant_" + tenant, new InspectScope(Set.of("tenant_" + tenant)));
    }

    private static Plan empty(String tenant) {
        return new Plan(1, "postgres", tenant, "a", "a", List.of(), List.of());
    }

    private static Plan plan(String tenant, String column, boolean withDrop) {
        List<PlanStep> steps = new ArrayList<>(List.of(add(tenant, column, 1)));
        if (withDrop) {
            Column legacy = Column.of("legacy", "text", false);
            steps.add(new PlanStep(2, "drop-column:app.accounts.legacy", Action.DROP, false,
                    ObjectRef.member(ObjectKind.COLUMN, ACCOUNTS, "legacy"), "drop column app.accounts.legacy",
                    List.of(DdlStatement.inTransaction("ALTER TABLE \"app\".\"accounts\" DROP COLUMN \"legacy\"")),
                    EnumSet.of(SafetyClass.DESTRUCTIVE, SafetyClass.LOCKING),
                    List.of(new Hazard(HazardCode.DATA_LOSS, "drops column app.accounts.legacy and its values")),
                    new DropColumn(ACCOUNTS, legacy), List.of(), null,
                    StepSafety.of(List.of(new TableLock(ACCOUNTS, LockLevel.ACCESS_EXCLUSIVE)))));
        }
        return new Plan(1, "postgres", tenant, "a", "b", steps, List.of());
    }

    private static PlanStep add(String tenant, String column, int number) {
        return new PlanStep(number, "add-column:app.accounts." + column, Action.CREATE, false,
                ObjectRef.member(ObjectKind.COLUMN, ACCOUNTS, column), "add column app.accounts." + column,
                List.of(DdlStatement.inTransaction("ALTER TABLE \"app\".\"accounts\" ADD COLUMN \"" + column + "\" text")),
                EnumSet.of(SafetyClass.ADDITIVE), List.of(), new AddColumn(ACCOUNTS, Column.of(column, "text", false)),
                List.of(), null, StepSafety.of(List.of(new TableLock(ACCOUNTS, LockLevel.ACCESS_EXCLUSIVE))));
    }
}
