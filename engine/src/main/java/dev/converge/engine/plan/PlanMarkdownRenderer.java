package dev.converge.engine.plan;

import dev.converge.engine.diag.Plural;
import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.SafetyClass;
import dev.converge.engine.safety.SafetyPolicy;
import dev.converge.engine.safety.TableImpact;
import dev.converge.engine.safety.TableLock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PlanMarkdownRenderer writes a plan as a pull-request comment: the summary line, a table of steps
 * by class, what the policy would refuse, then every step, the ones that fail on the data, lose data
 * or lock first (highlighted), each keeping its plan number, with its locks, hazards, live facts and
 * SQL, and the dependency graph of the steps as a Mermaid diagram (summarised for big plans). The output depends only on the plan and the policy, so it is golden-tested byte for byte.
 */
public final class PlanMarkdownRenderer {
    public String render(Plan plan, SafetyPolicy policy) {
        return "### Converge plan for `" + plan.target() + "`\n\n" + body(plan, policy);
    }

    /** The plan without its heading: what a fleet plan shows under the heading of a group of targets. */
    public String body(Plan plan, SafetyPolicy policy) {
        StringBuilder out = new StringBuilder();
        if (plan.isEmpty()) {
            out.append(plan.summary()).append('\n');
            appendNotes(plan, out);
            return out.toString();
        }
        out.append("**").append(plan.summary()).append("**\n\n");
        appendSummaryTable(plan, out);
        appendRefusals(plan, policy, out);
        out.append(PlanGraphMermaid.section(PlanGraph.of(plan)));
        out.append("#### Steps\n\n");
        List<PlanStep> ordered = new ArrayList<>(plan.steps());
        ordered.sort(Comparator.comparingInt(PlanMarkdownRenderer::rank).thenComparingInt(PlanStep::number));
        for (PlanStep step : ordered) {
            appendStep(step, out);
        }
        appendNotes(plan, out);
        return out.toString();
    }

    /** Failing first, then destructive, then locking, then the rest. */
    private static int rank(PlanStep step) {
        if (step.isFailing()) {
            return 0;
        }
        if (step.isDestructive()) {
            return 1;
        }
        return step.isLocking() ? 2 : 3;
    }

    private static void appendSummaryTable(Plan plan, StringBuilder out) {
        out.append("| class | steps |\n| --- | ---: |\n");
        for (SafetyClass safetyClass : SafetyClass.values()) {
            long count = plan.steps().stream().filter(s -> s.classes().contains(safetyClass)).count();
            out.append("| ").append(safetyClass.word()).append(" | ").append(count).append(" |\n");
        }
        long failing = plan.steps().stream().filter(PlanStep::isFailing).count();
        out.append("| fails on current data | ").append(failing).append(" |\n\n");
    }

    private static void appendRefusals(Plan plan, SafetyPolicy policy, StringBuilder out) {
        List<SafetyPolicy.Refusal> refusals = policy.refusals(plan);
        if (refusals.isEmpty()) {
            out.append("Apply would run every step with the current policy.\n\n");
            return;
        }
        out.append("> **Apply would refuse ").append(Plural.count(refusals.size(), "step"))
                .append(":**\n");
        for (SafetyPolicy.Refusal refusal : refusals) {
            out.append("> - step ").append(refusal.step().number()).append(": ")
                    .append(String.join("; ", refusal.reasons())).append('\n');
        }
        out.append('\n');
    }

    private static void appendStep(PlanStep step, StringBuilder out) {
        String classes = step.sortedClasses().stream().map(SafetyClass::word)
                .map(w -> w.equals("additive") ? w : "**" + w + "**").collect(Collectors.joining(", "));
        out.append("##### ").append(step.number()).append(". `").append(step.symbol()).append("` ")
                .append(step.description().replace("`", "'")).append(" (")
                .append(classes.isEmpty() ? step.unclassifiedLabel() : classes)
                .append(step.isFailing() ? ", **fails on current data**" : "").append(")\n\n");
        if (step.isGoneFromFiles()) {
            out.append("- no longer in the desired files\n");
        } else if (step.source() != null) {
            out.append("- declared at `").append(step.source()).append("`\n");
        }
        if (!step.safety().locks().isEmpty()) {
            out.append("- lock: ").append(step.safety().locks().stream().map(TableLock::toString)
                    .collect(Collectors.joining(", "))).append('\n');
        }
        for (Hazard hazard : step.hazards()) {
            out.append("- `").append(hazard.code()).append("` ").append(hazard.message()).append('\n');
        }
        for (TableImpact impact : step.safety().impacts()) {
            out.append("- impact: ").append(impact.describe()).append('\n');
        }
        for (DataCheck check : step.safety().checks()) {
            out.append("- ").append(check.failed() ? "**" + check.describe() + "**" : check.describe()).append('\n');
        }
        if (step.isMadeByPreviousStep()) {
            out.append("\n(made by the statement of the step before)\n\n");
            return;
        }
        out.append("\n```sql\n");
        for (DdlStatement statement : step.statements()) {
            out.append(statement.sql()).append(';');
            if (!statement.transactional()) {
                out.append(" -- runs on its own, outside the transaction");
            }
            out.append('\n');
        }
        out.append("```\n\n");
    }

    private static void appendNotes(Plan plan, StringBuilder out) {
        if (plan.notes().isEmpty()) {
            return;
        }
        out.append("#### Notes\n\n");
        plan.notes().forEach(note -> out.append("- ").append(note).append('\n'));
        out.append('\n');
    }
}
