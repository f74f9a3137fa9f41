package dev.converge.api;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.json.PlanJson;
import dev.converge.engine.json.SavedPlanJson;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanGraph;
import dev.converge.engine.plan.PlanGraphDot;
import dev.converge.engine.plan.PlanMarkdownRenderer;
import dev.converge.engine.plan.phase.BackfillTask;
import dev.converge.engine.plan.phase.NullFill;
import dev.converge.engine.safety.LockLevel;
import dev.converge.engine.workflow.PlanChecks;
import dev.converge.engine.workflow.Planning;
import java.util.Optional;
import dev.converge.engine.plan.PlanStep;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.plan.SavedPlan;
import dev.converge.engine.safety.HazardCode;
import dev.converge.engine.safety.SafetyClass;
import dev.converge.engine.safety.SafetyPolicy;
import dev.converge.engine.source.SourceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A plan: the ordered, classified steps that turn a target into the desired state, fingerprinted so
 * that {@link Converge#apply(ConvergePlan)} runs exactly these statements or refuses when the target
 * moved on. Render it for people, save it for a later apply, or read its steps and hazards.
 */
public final class ConvergePlan {
    private final SavedPlan saved;
    private final SourceModel leftAlone;
    private final Map<String, Set<HazardCode>> annotated;
    private final SafetyPolicy policy;
    /** How it was made, for what follows an expand; null for a plan read from a file (its files are not read again). */
    private final Planning planning;
    /** What a backfill serves after this plan: the syncs it creates or finds open; none for a plan read from a file. */
    private final List<BackfillTask> backfills;
    /** The NULL fills of an expand's columns that contract makes NOT NULL; none for a plan read from a file. */
    private final List<NullFill> nullFills;

    ConvergePlan(SavedPlan saved, SourceModel leftAlone, Map<String, Set<HazardCode>> annotated, SafetyPolicy policy) {
        this(saved, leftAlone, annotated, policy, null, List.of(), List.of());
    }

    ConvergePlan(SavedPlan saved, SourceModel leftAlone, Map<String, Set<HazardCode>> annotated, SafetyPolicy policy,
                 Planning planning, List<BackfillTask> backfills, List<NullFill> nullFills) {
        this.saved = saved;
        this.leftAlone = leftAlone;
        this.annotated = Map.copyOf(annotated);
        this.policy = policy;
        this.planning = planning;
        this.backfills = List.copyOf(backfills);
        this.nullFills = List.copyOf(nullFills);
    }

    /** A plan saved with {@link #save} (or {@code converge plan --out}). */
    public static ConvergePlan load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.USAGE, "cannot read the plan " + file + ": " + e.getMessage(), e);
        }
        // A saved plan's files are not read again: only allowances given to the apply count.
        return new ConvergePlan(SavedPlanJson.read(text, file.toString()), SourceModel.unparsed(List.of()), Map.of(),
                SafetyPolicy.DEFAULT);
    }

    /** Writes the plan as {@code converge apply PLAN} and {@link #load} read it. */
    public void save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, SavedPlanJson.write(saved), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot write the plan to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The plan as the CLI prints it (TEXT), as a pull request shows it (MARKDOWN), or as JSON. */
    public String render(Format format) {
        return render(saved.plan(), format, policy.withAllowedOn(annotated));
    }

    /**
     * The plan in {@code format} for a run under {@code runPolicy}: Markdown marks what it would refuse,
     * and the text's closing lines say what apply will do with it (as {@code converge plan} prints them).
     */
    public String render(Format format, Policy runPolicy) {
        SafetyPolicy run = runPolicy.safety().withAllowedOn(annotated);
        return format == Format.TEXT ? text(run, runPolicy.allowUnmanaged(), false) : render(saved.plan(), format, run);
    }

    /**
     * The text of {@link #render(Format, Policy)} with, for each failing data check, one offending row of
     * the target ({@code plan --show-row-values}), when the plan was made with {@link PlanSettings#rowValues()}:
     * for a person at a terminal only, never for a file or a log.
     */
    public String textWithRowValues(Policy runPolicy) {
        return text(runPolicy.safety().withAllowedOn(annotated), runPolicy.allowUnmanaged(), true);
    }

    private String text(SafetyPolicy run, boolean allowUnmanaged, boolean rowValues) {
        return new PlanTextRenderer(rowValues).withFlags(run, allowUnmanaged).render(saved.plan());
    }

    /** The steps' dependency graph in Graphviz's DOT ({@code converge plan --format dot}). */
    public String dot() {
        return PlanGraphDot.render(PlanGraph.of(saved.plan()));
    }

    /** The desired state as messages name it (its directory and hash); null for a plan read from a file. */
    public String desiredState() {
        return planning == null ? null : planning.desired().description();
    }

    /** The schemas the plan manages; empty for every schema. */
    public List<String> schemas() {
        return List.copyOf(saved.schemas());
    }

    /**
     * Why {@code runPolicy} would refuse this plan, as {@code converge apply} says it (each step, why, what
     * allows it; {@code refusing to apply: ... Nothing was changed.}); empty when it may run.
     */
    public Optional<String> refusal(Policy runPolicy) {
        List<SafetyPolicy.Refusal> refusals = runPolicy.safety().withAllowedOn(annotated).refusals(saved.plan());
        return refusals.isEmpty() ? Optional.empty() : Optional.of(SafetyPolicy.describe(refusals));
    }

    /**
     * The steps {@code runPolicy} allows although they lock tables while they run, each as {@code 2 (ACCESS
     * EXCLUSIVE)}; a step that rewrites or scans a table without a recorded lock says so.
     */
    public List<String> lockingSteps(Policy runPolicy) {
        return runPolicy.safety().withAllowedOn(annotated).warnings(saved.plan()).stream()
                .map(ConvergePlan::lockShown).toList();
    }

    private static String lockShown(PlanStep step) {
        LockLevel lock = step.safety().strongestLock();
        return step.number() + " (" + (lock == LockLevel.NONE ? "rewrites or scans a table" : lock.sql()) + ")";
    }

    /**
     * Fails closed (a {@link ConvergeException} of kind UNMANAGED) when the plan found objects Converge does
     * not manage and {@code runPolicy} does not allow them: it cannot say what it would do to them.
     */
    public void requireManaged(Policy runPolicy) {
        PlanChecks.refuseUnmanaged(saved.plan(), runPolicy.allowUnmanaged());
    }

    /** {@code plan} in {@code format}; Markdown marks what {@code policy} would refuse. */
    static String render(Plan plan, Format format, SafetyPolicy policy) {
        return switch (format) {
            case TEXT -> new PlanTextRenderer().render(plan);
            case MARKDOWN -> new PlanMarkdownRenderer().render(plan, policy);
            case JSON -> PlanJson.write(plan);
        };
    }

    /** True when the target already matches the desired state. */
    public boolean isEmpty() {
        return saved.plan().isEmpty();
    }

    /** {@code Plan: 3 to add, 1 to change, 1 to destroy.} */
    public String summary() {
        return saved.plan().summary();
    }

    /** The target as displayed (never with a password). */
    public String target() {
        return saved.plan().target();
    }

    public List<Step> steps() {
        return saved.plan().steps().stream().map(ConvergePlan::step).toList();
    }

    /** Objects of the target or the files that Converge does not manage: listed, and left alone. */
    public List<String> unmanaged() {
        return saved.plan().unmanaged().stream().map(u -> u.display()).toList();
    }

    /**
     * Why {@code policy} would refuse this plan, one line per refused step and reason; empty when it
     * may run. {@link Converge#apply(ConvergePlan)} throws with the same words.
     */
    public List<String> refusals(Policy policy) {
        return policy.safety().withAllowedOn(annotated).refusals(saved.plan()).stream()
                .flatMap(r -> r.reasons().stream().map(reason -> r.step().number() + ". " + r.step().description()
                        + ": " + reason))
                .toList();
    }

    @Override
    public String toString() {
        return render(Format.TEXT);
    }

    SavedPlan saved() {
        return saved;
    }

    Planning planning() {
        return planning;
    }

    List<BackfillTask> backfills() {
        return backfills;
    }

    List<NullFill> nullFills() {
        return nullFills;
    }

    SourceModel leftAlone() {
        return leftAlone;
    }

    Map<String, Set<HazardCode>> annotated() {
        return annotated;
    }

    static Step step(PlanStep s) {
        return new Step(s.number(), s.description(), s.action().name(),
                s.classes().stream().map(SafetyClass::name).collect(Collectors.toSet()),
                s.hazards().stream().map(h -> new Hazard(h.code().name(), h.message())).toList(),
                s.safety().strongestLock().name(), s.sql(), s.source());
    }
}
