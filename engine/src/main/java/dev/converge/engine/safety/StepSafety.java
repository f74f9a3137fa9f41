package dev.converge.engine.safety;

import java.util.List;

/**
 * StepSafety is what a plan step says about production beyond its classes and hazards: the locks it
 * takes (from the classifier, offline), and, when the plan was made against a live target, the
 * affected tables' size and the results of the data pre-checks.
 */
public record StepSafety(List<TableLock> locks, List<TableImpact> impacts, List<DataCheck> checks) {
    public static final StepSafety NONE = new StepSafety(List.of(), List.of(), List.of());

    public StepSafety {
        locks = List.copyOf(locks);
        impacts = List.copyOf(impacts);
        checks = List.copyOf(checks);
    }

    public static StepSafety of(List<TableLock> locks) {
        return new StepSafety(locks, List.of(), List.of());
    }

    public StepSafety withFacts(List<TableImpact> newImpacts, List<DataCheck> newChecks) {
        return new StepSafety(locks, newImpacts, newChecks);
    }

    /** The strongest lock, NONE when the step locks no existing table. */
    public LockLevel strongestLock() {
        return locks.stream().map(TableLock::level).reduce(LockLevel.NONE, LockLevel::strongest);
    }

    /** True when a data pre-check found rows that make the step fail. */
    public boolean failing() {
        return checks.stream().anyMatch(DataCheck::failed);
    }
}
