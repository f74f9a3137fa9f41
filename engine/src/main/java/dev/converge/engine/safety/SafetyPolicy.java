package dev.converge.engine.safety;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SafetyPolicy decides which steps of a plan may run. A step is refused when it carries a hazard that
 * needs an allowance and has none, when it takes a stronger lock than the maximum, or when a data
 * pre-check says it will fail. Each refusal names the exact flag or annotation that would allow it.
 *
 * <p>Defaults (issue 4): destructive hazards (DATA_LOSS) need an allowance; locking hazards are allowed
 * and reported as warnings; any lock level is allowed. {@code --allow-destructive} allows every
 * destructive step, as it always has.
 *
 * @param needAllowance   hazard codes a step may not carry without an allowance
 * @param allowed         hazard codes allowed on every step ({@code --allow-hazards})
 * @param allowDestructive allows every hazard of the destructive class ({@code --allow-destructive})
 * @param maxLock         the strongest lock a step may take ({@code --max-lock})
 * @param allowedOn       hazard codes allowed on one object, by its display name
 *                        ({@code -- converge:allow CODE} on the object's declaration)
 */
public record SafetyPolicy(Set<HazardCode> needAllowance, Set<HazardCode> allowed, boolean allowDestructive,
                           LockLevel maxLock, Map<String, Set<HazardCode>> allowedOn) {
    public static final SafetyPolicy DEFAULT = new SafetyPolicy(EnumSet.of(HazardCode.DATA_LOSS),
            Set.of(), false, LockLevel.ACCESS_EXCLUSIVE, Map.of());

    public SafetyPolicy {
        needAllowance = needAllowance.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(needAllowance));
        allowed = allowed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(allowed));
        requireNonNull(maxLock, "maxLock is null");
        allowedOn = Map.copyOf(allowedOn);
    }

    /**
     * The same policy with further allowances per object (from {@code -- converge:allow} annotations),
     * added to those it already holds: an embedder's allowance for one object survives the annotations
     * of the files instead of being replaced by them.
     */
    public SafetyPolicy withAllowedOn(Map<String, Set<HazardCode>> annotations) {
        Map<String, Set<HazardCode>> merged = new HashMap<>();
        for (Map<String, Set<HazardCode>> source : List.of(allowedOn, annotations)) {
            source.forEach((name, codes) ->
                    merged.computeIfAbsent(name, any -> EnumSet.noneOf(HazardCode.class)).addAll(codes));
        }
        merged.replaceAll((name, codes) -> Set.copyOf(codes));
        return new SafetyPolicy(needAllowance, allowed, allowDestructive, maxLock, merged);
    }

    /** The same policy, allowing every destructive step as {@code --allow-destructive} does. */
    public SafetyPolicy allowingDestructive() {
        return new SafetyPolicy(needAllowance, allowed, true, maxLock, allowedOn);
    }

    /** The default policy with the CLI's allowances. */
    public static SafetyPolicy of(Set<HazardCode> allowed, boolean allowDestructive, LockLevel maxLock) {
        return new SafetyPolicy(DEFAULT.needAllowance(), allowed, allowDestructive, maxLock, Map.of());
    }

    /** Why one step may not run, and what would let it. */
    public record Refusal(PlanStep step, List<String> reasons) {
        public Refusal {
            reasons = List.copyOf(reasons);
        }
    }

    /** The refused steps of a plan, in plan order; empty when the plan may run. */
    public List<Refusal> refusals(Plan plan) {
        return refusals(plan.steps());
    }

    /** The refused steps among {@code steps} (those of a plan still to run when an apply resumes). */
    public List<Refusal> refusals(List<PlanStep> steps) {
        List<Refusal> refusals = new ArrayList<>();
        for (PlanStep step : steps) {
            List<String> reasons = reasons(step);
            if (!reasons.isEmpty()) {
                refusals.add(new Refusal(step, reasons));
            }
        }
        return refusals;
    }

    /** Steps that may run but lock or rewrite a table: worth a warning before apply. */
    public List<PlanStep> warnings(Plan plan) {
        return plan.steps().stream().filter(PlanStep::isLocking).filter(s -> reasons(s).isEmpty()).toList();
    }

    private List<String> reasons(PlanStep step) {
        List<String> reasons = new ArrayList<>();
        String object = step.target().display();
        // An annotation on the object, or on the table it belongs to (a dropped column is no longer declared).
        Set<HazardCode> onObject = EnumSet.noneOf(HazardCode.class);
        onObject.addAll(allowedOn.getOrDefault(object, Set.of()));
        onObject.addAll(allowedOn.getOrDefault(step.target().owner().display(), Set.of()));
        String annotated = object.equals(step.target().owner().display()) ? object
                : object + " or on " + step.target().owner().display();
        EnumSet<HazardCode> reported = EnumSet.noneOf(HazardCode.class);
        for (Hazard hazard : step.hazards()) {
            HazardCode code = hazard.code();
            if (!needAllowance.contains(code) || allowed.contains(code) || onObject.contains(code)
                    || (allowDestructive && code.safetyClass() == SafetyClass.DESTRUCTIVE) || !reported.add(code)) {
                continue;
            }
            String flags = (code.safetyClass() == SafetyClass.DESTRUCTIVE ? "--allow-destructive, " : "")
                    + "--allow-hazards " + code + ", or the annotation '-- converge:allow " + code + "' on " + annotated;
            reasons.add(code + ": " + hazard.message() + "; allow with " + flags);
        }
        LockLevel lock = step.safety().strongestLock();
        if (lock.isStrongerThan(maxLock)) {
            reasons.add("takes " + lock.sql() + " (" + step.safety().locks() + "), stronger than --max-lock "
                    + maxLock.name() + "; allow with --max-lock " + lock.name());
        }
        for (DataCheck check : step.safety().checks()) {
            if (check.failed()) {
                reasons.add(check.describe() + "; fix the data first (no flag allows a step that would fail)");
            }
        }
        return reasons;
    }

    /** The refusal message: each blocked step, why, and what would allow it. */
    public static String describe(List<Refusal> refusals) {
        StringBuilder message = new StringBuilder("refusing to apply: ").append(refusals.size())
                .append(refusals.size() == 1 ? " step is" : " steps are").append(" not allowed:\n");
        for (Refusal refusal : refusals) {
            PlanStep step = refusal.step();
            message.append("  ").append(step.symbol()).append(' ').append(step.number()).append(". ")
                    .append(step.description()).append('\n');
            refusal.reasons().forEach(reason -> message.append("      ").append(reason).append('\n'));
        }
        return message.append("Nothing was changed.").toString();
    }
}
