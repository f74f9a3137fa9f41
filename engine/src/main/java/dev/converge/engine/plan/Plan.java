package dev.converge.engine.plan;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.change.Action;
import java.util.List;

/**
 * Plan is the ordered, classified list of steps that turns a target into the desired state, with
 * what it was computed from: the target, and fingerprints of both schemas, so that a plan can be
 * checked against the database before it runs.
 *
 * @param target              the target as displayed (never with a password)
 * @param currentFingerprint  hash of the target's inspected schema when the plan was made
 * @param desiredFingerprint  hash of the desired schema
 * @param notes               differences reported but not acted on
 * @param unmanaged           objects found in the target or the desired state that Converge does not
 *                            manage: the plan cannot be trusted to cover them, so it is refused unless
 *                            the user allows them
 */
public record Plan(int formatVersion, String dialect, String target, String currentFingerprint,
                   String desiredFingerprint, List<PlanStep> steps, List<String> notes, List<Unmanaged> unmanaged) {
    public static final int FORMAT_VERSION = 1;

    public Plan {
        requireNonNull(dialect, "dialect is null");
        requireNonNull(target, "target is null");
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
        unmanaged = unmanaged == null ? List.of() : List.copyOf(unmanaged);
    }

    /** A plan that found no unmanaged objects. */
    public Plan(int formatVersion, String dialect, String target, String currentFingerprint,
                String desiredFingerprint, List<PlanStep> steps, List<String> notes) {
        this(formatVersion, dialect, target, currentFingerprint, desiredFingerprint, steps, notes, List.of());
    }

    /** The same plan with other steps (annotated, for instance): everything else, unmanaged objects included, kept. */
    public Plan withSteps(List<PlanStep> newSteps) {
        return new Plan(formatVersion, dialect, target, currentFingerprint, desiredFingerprint, newSteps, notes, unmanaged);
    }

    public boolean hasUnmanaged() {
        return !unmanaged.isEmpty();
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public long count(Action action) {
        return steps.stream().filter(s -> s.action() == action).count();
    }

    public List<PlanStep> destructiveSteps() {
        return steps.stream().filter(PlanStep::isDestructive).toList();
    }

    /** Terraform's closing line: {@code Plan: 3 to add, 1 to change, 1 to destroy.} */
    public String summary() {
        if (steps.isEmpty()) {
            // With unmanaged objects the database does not match: only what Converge manages does.
            return hasUnmanaged() ? "No changes to the objects Converge manages; the database also holds"
                    + " unmanaged objects (listed below)." : "No changes. The database matches the desired state.";
        }
        return "Plan: " + count(Action.CREATE) + " to add, " + count(Action.ALTER) + " to change, "
                + count(Action.DROP) + " to destroy.";
    }
}
