package dev.converge.cli.command;

import dev.converge.engine.workflow.Planning;
import dev.converge.engine.workflow.Target;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.DesiredOptions;
import dev.converge.cli.option.FleetOptions;
import dev.converge.cli.option.TargetOptions;
import dev.converge.cli.option.PhaseOptions;
import dev.converge.cli.option.SafetyOptions;
import dev.converge.engine.plan.phase.Backfill;
import dev.converge.engine.plan.phase.Phase;
import dev.converge.engine.plan.phase.PhasedPlanning;
import dev.converge.cli.option.StatementTimeoutOptions;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanGraph;
import dev.converge.engine.plan.PlanGraphDot;
import dev.converge.engine.plan.PlanMarkdownRenderer;
import dev.converge.engine.safety.SafetyPolicy;
import java.util.List;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.json.PlanJson;
import dev.converge.engine.json.SavedPlanJson;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.spi.DialectRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** PlanCommand shows what apply would do, without changing anything. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show the steps that would make the target match the desired state.")
public final class PlanCommand implements Callable<Integer> {
    /** Output formats of status, drift and diff (text, Markdown or JSON). */
    public enum Format { text, markdown, json }

    /** Output formats of a plan: those of {@link Format}, and its dependency graph in Graphviz's DOT. */
    public enum PlanFormat { text, markdown, json, dot }

    private final DialectRegistry dialects;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TargetOptions target;

    @Mixin
    private DesiredOptions desired;

    @Mixin
    private SafetyOptions safety;

    @Mixin
    private FleetOptions fleet;

    @Mixin
    private StatementTimeoutOptions timeouts;

    @Mixin
    private PhaseOptions phases;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private PlanFormat format;

    @Option(names = "--detailed-exitcode",
            description = "Exit 0 when there are no changes, 2 when there are (like terraform plan).")
    private boolean detailedExitCode;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also save the plan to FILE, to apply later exactly as reviewed: converge apply FILE --url URL.")
    private Path outFile;

    @Option(names = "--show-row-values",
            description = "Show one offending row of each failing data check. Text on a terminal only: plans"
                    + " in Markdown, JSON, plan files and history never hold the target's rows.")
    private boolean showRowValues;

    public PlanCommand(DialectRegistry dialects) {
        this.dialects = dialects;
    }

    /** The policy of this run: the flags, and the allowances annotated in the desired files. */
    private SafetyPolicy policy;

    private String render(Plan plan) {
        switch (format) {
            case json:
                return PlanJson.write(plan);
            case markdown:
                return new PlanMarkdownRenderer().render(plan, policy);
            case dot:
                return PlanGraphDot.render(PlanGraph.of(plan));
            default:
                return new PlanTextRenderer(showRowValues).withFlags(policy, desired.allowUnmanaged).render(plan);
        }
    }

    @Override
    public Integer call() {
        FleetCommands.checkTargetOptions(spec, fleet, target.url, desired.desired);
        if (showRowValues) {
            requireTerminalText();
            safety.rowValues = true;
        }
        if (fleet.selected()) {
            if (format == PlanFormat.dot) {
                throw new ConvergeException(ErrorKind.USAGE, "--format dot draws the graph of one plan; for every"
                        + " plan of an environment, with its graph, run: converge report --env " + fleet.env);
            }
            return FleetCommands.plan(dialects, fleet, safety, desired.ignore, spec, format,
                    detailedExitCode, outFile, phases);
        }
        try (Target db = Target.open(dialects, target.url)) {
            Planning planning = Planning.run(db, desired.request(db.dialect(), target.scope(), safety.pipeline())).withLimits(timeouts.limits());
            KnownSchemas.require(target.scope(), db, planning.current(), planning.desired().model());
            PhasedPlanning phased = PhasedPlanning.of(db, planning, phases.phase, safety.pipeline().strategies())
                    .withLimits(timeouts.limits());
            Plan plan = phased.plan();
            spec.commandLine().getErr().println("Desired state: " + planning.desired().description());
            spec.commandLine().getErr().flush();
            PrintWriter out = spec.commandLine().getOut();
            policy = safety.policy().withAllowedOn(phased.allowances(planning.desired().source().allowancesByName()));
            out.print(render(plan));
            out.flush();
            if (phases.phase == Phase.EXPAND) {
                dryRun(db, phased);
            }
            desired.refuseUnmanaged(plan);
            List<SafetyPolicy.Refusal> refusals = policy.refusals(plan);
            if (!refusals.isEmpty() && format == PlanFormat.text) {
                // Each refused step with what would let it run: a flag, an annotation, or fixing the data.
                spec.commandLine().getErr().println(SafetyPolicy.describe(refusals)
                        .replaceFirst("^refusing to apply: ", "apply would refuse this plan: ")
                        .replaceFirst("Nothing was changed\\.$", "Nothing was changed (this was a plan)."));
                spec.commandLine().getErr().flush();
            }
            if (outFile != null) {
                save(phased.saved());
            }
            return detailedExitCode && !plan.isEmpty() ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
        }
    }

    /** Row values go to a person at a terminal, never to a file, a pipe or a CI log. */
    private void requireTerminalText() {
        String why = format != PlanFormat.text ? "--format " + format + " (values are shown in text only)"
                : fleet.selected() ? "--env (a fleet plan is a report; values are shown for one target only)"
                : System.console() == null ? "an output that is not a terminal (a pipe, a file or a CI log)"
                : null;
        if (why != null) {
            throw new ConvergeException(ErrorKind.USAGE,
                    "--show-row-values cannot be used with " + why + ": run plan in a terminal, in text, without it"
                            + " to see the query that finds the rows");
        }
    }

    /** How many batches each backfill of the expand needs, read from the target without changing it. */
    private void dryRun(Target db, PhasedPlanning phased) {
        Backfill backfill = new Backfill(db.dialect().expandContract().orElseThrow(), phases.backfill(),
                Backfill.Listener.NONE, () -> false);
        try {
            backfill.dryRun(db.connection(), phased.backfills())
                    .forEach(line -> spec.commandLine().getErr().println("Dry run: " + line));
        } catch (java.sql.SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot count the rows to backfill: " + e.getMessage(), e);
        }
        spec.commandLine().getErr().flush();
    }

    private void save(dev.converge.engine.plan.SavedPlan saved) {
        try {
            Path parent = outFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(outFile, SavedPlanJson.write(saved), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot write the plan to " + outFile + ": " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("Saved the plan to " + outFile + "; apply it exactly as it is with:"
                + " converge apply " + outFile + " --url URL");
        spec.commandLine().getErr().flush();
    }
}
