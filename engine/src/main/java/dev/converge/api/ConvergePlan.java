package dev.converge.api;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.json.PlanJson;
import dev.converge.engine.json.SavedPlanJson;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanMarkdownRenderer;
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

    ConvergePlan(SavedPlan saved, SourceModel leftAlone, Map<String, Set<HazardCode>> annotated, SafetyPolicy policy) {
        this.saved = saved;
        this.leftAlone = leftAlone;
        this.annotated = Map.copyOf(annotated);
        this.policy = policy;
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
