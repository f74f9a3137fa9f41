package dev.converge.engine.plan;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.change.Action;
import dev.converge.engine.change.Change;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.safety.Hazard;
import dev.converge.engine.safety.SafetyClass;
import dev.converge.engine.safety.StepSafety;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * PlanStep is one numbered step of a plan: the change it makes, the statements that make it, and
 * what it risks.
 *
 * @param number      1-based position in the plan
 * @param id          stable step id ({@code create-table:public.orders})
 * @param replaces    true for both halves of a drop-and-create of the same object
 * @param description one line for reviewers ({@code add column public.orders.note text})
 * @param statements  the statements that make the change, in order
 * @param change      the typed change this step makes
 * @param inverse     the statements that undo the step once it has run (computed at plan time); empty
 *                    when the step is irreversible (its data is gone, as with a dropped table)
 * @param source      where the desired object is declared ({@code schema/orders.sql:14});
 *                    {@link #NOT_IN_FILES} for an object the desired files no longer declare (a drop);
 *                    null when unknown (a desired state read from a database)
 * @param safety      the locks it takes, and the live facts (table sizes, data checks) when known
 */
public record PlanStep(int number, String id, Action action, boolean replaces, ObjectRef target,
                       String description, List<DdlStatement> statements, Set<SafetyClass> classes, List<Hazard> hazards,
                       Change change, List<DdlStatement> inverse, String source, StepSafety safety) {
    /** The source of a step whose object the desired files no longer declare. */
    public static final String NOT_IN_FILES = "";

    public PlanStep {
        requireNonNull(id, "id is null");
        safety = safety == null ? StepSafety.NONE : safety;
        requireNonNull(action, "action is null");
        requireNonNull(description, "description is null");
        requireNonNull(change, "change is null");
        statements = List.copyOf(statements);
        classes = classes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(classes));
        hazards = List.copyOf(hazards);
        inverse = inverse == null ? List.of() : List.copyOf(inverse);
    }

    /** A step without inverse statements: irreversible as far as an undo is concerned. */
    public PlanStep(int number, String id, Action action, boolean replaces, ObjectRef target, String description,
                    List<DdlStatement> statements, Set<SafetyClass> classes, List<Hazard> hazards, Change change) {
        this(number, id, action, replaces, target, description, statements, classes, hazards, change, List.of(),
                null, StepSafety.NONE);
    }

    /** A step without lock levels or live facts: the shape before the safety model. */
    public PlanStep(int number, String id, Action action, boolean replaces, ObjectRef target, String description,
                    List<DdlStatement> statements, Set<SafetyClass> classes, List<Hazard> hazards, Change change,
                    List<DdlStatement> inverse, String source) {
        this(number, id, action, replaces, target, description, statements, classes, hazards, change, inverse, source,
                StepSafety.NONE);
    }

    /** A step whose desired object's declaration is unknown. */
    public PlanStep(int number, String id, Action action, boolean replaces, ObjectRef target, String description,
                    List<DdlStatement> statements, Set<SafetyClass> classes, List<Hazard> hazards, Change change,
                    List<DdlStatement> inverse) {
        this(number, id, action, replaces, target, description, statements, classes, hazards, change, inverse, null,
                StepSafety.NONE);
    }

    /**
     * True when the step can be undone by its inverse statements after it has run. A step made by the
     * statement of the step before it ({@link #isMadeByPreviousStep()}) is undone with that step.
     */
    public boolean isReversible() {
        return !inverse.isEmpty() || isMadeByPreviousStep();
    }

    /**
     * True when the step has no statement of its own: the statement of the step before it makes it too
     * (MySQL's clauses of one ALTER TABLE, see {@link dev.converge.engine.spi.SqlGenerator#finishSteps}).
     */
    public boolean isMadeByPreviousStep() {
        return statements.isEmpty();
    }

    /** The same step with other safety facts (live statistics and data checks added after planning). */
    public PlanStep withStatements(List<DdlStatement> newStatements, List<DdlStatement> newInverse) {
        return new PlanStep(number, id, action, replaces, target, description, newStatements, classes, hazards, change,
                newInverse, source, safety);
    }

    public PlanStep withSafety(StepSafety newSafety) {
        return new PlanStep(number, id, action, replaces, target, description, statements, classes, hazards, change,
                inverse, source, newSafety);
    }

    /** True when a data pre-check says the step will fail on the target's rows. */
    public boolean isFailing() {
        return safety.failing();
    }

    public boolean isLocking() {
        return classes.contains(SafetyClass.LOCKING);
    }

    /** The SQL text of the step's statements, in order. */
    public List<String> sql() {
        return DdlStatement.texts(statements);
    }

    /** True when every statement of the step can run inside the apply's transaction. */
    public boolean isTransactional() {
        return statements.stream().allMatch(DdlStatement::transactional);
    }

    /** The plan symbol: {@code +}, {@code ~}, {@code -}, or {@code -/+} for a replacement. */
    public String symbol() {
        return replaces ? "-/+" : action.symbol();
    }

    /** The classes in their declared order (additive, destructive, locking), for stable output. */
    /**
     * What the label says when the step has no class: read from the same locks the lock line shows, so
     * the two never disagree ({@code no lock} above {@code lock: ACCESS EXCLUSIVE} was issue 14, item 5).
     */
    public String unclassifiedLabel() {
        return safety().locks().stream().anyMatch(lock -> lock.level() != dev.converge.engine.safety.LockLevel.NONE)
                ? "no data loss, brief lock" : "no data loss, no lock";
    }

    public List<SafetyClass> sortedClasses() {
        return EnumSet.copyOf(classes.isEmpty() ? EnumSet.noneOf(SafetyClass.class) : classes).stream().toList();
    }

    /** True when the desired files are known and do not declare the object (it is being dropped). */
    public boolean isGoneFromFiles() {
        return NOT_IN_FILES.equals(source);
    }

    public boolean isDestructive() {
        return classes.contains(SafetyClass.DESTRUCTIVE);
    }
}
