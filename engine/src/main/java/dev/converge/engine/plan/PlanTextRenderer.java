package dev.converge.engine.plan;

import dev.converge.engine.safety.DataCheck;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.TableImpact;
import dev.converge.engine.safety.TableLock;
import dev.converge.engine.safety.SafetyClass;
import dev.converge.engine.safety.SafetyPolicy;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * PlanTextRenderer prints a plan the way Terraform does: one block per step with its symbol
 * ({@code +} create, {@code ~} change, {@code -} destroy, {@code -/+} replace), number, description and
 * classes, its hazards, its SQL, then notes and the closing summary line.
 */
public final class PlanTextRenderer {
    private static final String INDENT = "      ";

    private final boolean rowValues;
    /** The policy and flags of this run, so the closing lines say what apply will do; null: not known. */
    private final SafetyPolicy policy;
    private final boolean allowUnmanaged;

    /** A renderer that shows no row values: what every plan, log and CI output gets. */
    public PlanTextRenderer() {
        this(false);
    }

    /**
     * @param rowValues show the example row a failing data check fetched; only for a user who asked for
     *                  it on a terminal (the CLI checks both)
     */
    public PlanTextRenderer(boolean rowValues) {
        this(rowValues, null, false);
    }

    private PlanTextRenderer(boolean rowValues, SafetyPolicy policy, boolean allowUnmanaged) {
        this.rowValues = rowValues;
        this.policy = policy;
        this.allowUnmanaged = allowUnmanaged;
    }

    /** This renderer with the run's policy and --allow-unmanaged: each closing line says what apply will do. */
    public PlanTextRenderer withFlags(SafetyPolicy runPolicy, boolean unmanagedAllowed) {
        return new PlanTextRenderer(rowValues, runPolicy, unmanagedAllowed);
    }

    public String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        if (plan.isEmpty()) {
            out.append(plan.summary()).append('\n');
            appendNotes(plan, out);
            appendUnmanaged(plan, out);
            return out.toString();
        }
        out.append("Converge will perform the following actions on ").append(plan.target()).append(":\n\n");
        for (PlanStep step : plan.steps()) {
            appendStep(step, out);
        }
        appendNotes(plan, out);
        out.append(plan.summary()).append('\n');
        long failing = plan.steps().stream().filter(PlanStep::isFailing).count();
        if (failing > 0) {
            out.append(failing).append(failing == 1 ? " step fails" : " steps fail")
                    .append(" on the target's data (marked X): apply refuses the plan until the data is fixed.\n");
        }
        long destructive = plan.destructiveSteps().size();
        if (destructive > 0) {
            out.append(destructive).append(destructive == 1 ? " step is" : " steps are").append(" destructive: ")
                    .append(destructiveAllowed(plan) ? "allowed by the flags and annotations given, apply runs "
                            + (destructive == 1 ? "it" : "them") + " (last).\n"
                            : "apply refuses " + (destructive == 1 ? "it" : "them") + " unless --allow-destructive is given.\n");
        }
        appendUnmanaged(plan, out);
        return out.toString();
    }

    /** True when the run's policy refuses none of the destructive steps for their data loss. */
    private boolean destructiveAllowed(Plan plan) {
        if (policy == null) {
            return false;
        }
        return policy.refusals(plan).stream()
                .noneMatch(r -> r.reasons().stream().anyMatch(reason -> reason.contains("--allow-destructive")));
    }

    /** Unmanaged objects close the plan, so that nobody misses why it is refused. */
    private void appendUnmanaged(Plan plan, StringBuilder out) {
        if (!plan.hasUnmanaged()) {
            return;
        }
        out.append('\n').append("Unmanaged objects: Converge does not manage these yet, so this plan may be incomplete:\n");
        plan.unmanaged().forEach(u -> out.append("  ? ").append(u.display()).append('\n'));
        out.append(allowUnmanaged ? "--allow-unmanaged is given: apply leaves them alone.\n"
                : "The plan is refused unless --allow-unmanaged is given.\n");
    }

    private void appendStep(PlanStep step, StringBuilder out) {
        out.append(String.format(Locale.ROOT, "%3s %d. %s", step.symbol(), step.number(), step.description()));
        String classes = step.sortedClasses().stream().map(SafetyClass::word).collect(Collectors.joining(", "));
        out.append("  [").append(classes.isEmpty() ? step.unclassifiedLabel() : classes).append("]\n");
        if (step.isGoneFromFiles()) {
            out.append(INDENT).append("(no longer in the desired files)\n");
        } else if (step.source() != null) {
            out.append(INDENT).append("declared at ").append(step.source()).append('\n');
        }
        if (!step.safety().locks().isEmpty()) {
            out.append(INDENT).append("lock: ").append(step.safety().locks().stream().map(TableLock::toString)
                    .collect(Collectors.joining(", "))).append('\n');
        }
        for (Hazard hazard : step.hazards()) {
            out.append(INDENT).append("! ").append(hazard.code()).append(": ").append(hazard.message()).append('\n');
        }
        for (TableImpact impact : step.safety().impacts()) {
            out.append(INDENT).append("impact: ").append(impact.describe()).append('\n');
        }
        for (DataCheck check : step.safety().checks()) {
            out.append(INDENT).append(check.failed() ? "X " : "data: ").append(check.describe()).append('\n');
            if (rowValues && check.example() != null) {
                out.append(INDENT).append("  e.g. ").append(check.example()).append('\n');
            }
        }
        if (step.isMadeByPreviousStep()) {
            out.append(INDENT).append("(made by the statement of the step before)\n");
        }
        for (DdlStatement statement : step.statements()) {
            out.append(INDENT).append(statement.sql().replace("\n", "\n" + INDENT)).append(';');
            if (!statement.transactional()) {
                out.append("  -- runs on its own, outside the transaction");
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private static void appendNotes(Plan plan, StringBuilder out) {
        if (plan.notes().isEmpty()) {
            return;
        }
        out.append("Notes:\n");
        plan.notes().forEach(note -> out.append("  * ").append(note).append('\n'));
        out.append('\n');
    }
}
