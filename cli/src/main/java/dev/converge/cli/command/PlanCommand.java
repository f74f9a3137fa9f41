package dev.converge.cli.command;

import dev.converge.api.ConvergePlan;
import dev.converge.api.Phase;
import dev.converge.api.Policy;
import dev.converge.api.TargetSession;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.DesiredOptions;
import dev.converge.cli.option.FleetOptions;
import dev.converge.cli.option.PhaseOptions;
import dev.converge.cli.option.SafetyOptions;
import dev.converge.cli.option.StatementTimeoutOptions;
import dev.converge.cli.option.TargetOptions;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** PlanCommand shows what apply would do, without changing anything. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show the steps that would make the target match the desired state.")
public final class PlanCommand extends ConvergeCommand {
    /** Output formats of status, drift and diff (text, Markdown or JSON). */
    public enum Format { text, markdown, json }

    /** Output formats of a plan: those of {@link Format}, and its dependency graph in Graphviz's DOT. */
    public enum PlanFormat { text, markdown, json, dot }

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

    /** The policy of this run: the flags, and the allowances annotated in the desired files. */
    private Policy policy;

    private String render(ConvergePlan plan) {
        switch (format) {
            case json:
                return plan.render(dev.converge.api.Format.JSON, policy);
            case markdown:
                return plan.render(dev.converge.api.Format.MARKDOWN, policy);
            case dot:
                return plan.dot();
            default:
                return showRowValues ? plan.textWithRowValues(policy) : plan.render(dev.converge.api.Format.TEXT, policy);
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
            return FleetCommands.plan(fleet, safety, desired.ignore, spec, format,
                    detailedExitCode, outFile, phases);
        }
        policy = safety.policy(desired.allowUnmanaged);
        try (TargetSession session = desired.planned(target, safety).policy(policy).open()) {
            ConvergePlan plan = session.plan(desired.desiredState(), phases.phase, timeouts.settings());
            tell("Desired state: " + plan.desiredState());
            print(render(plan));
            if (phases.phase == Phase.EXPAND) {
                dryRun(session, plan);
            }
            plan.requireManaged(policy);
            Optional<String> refusal = plan.refusal(policy);
            if (refusal.isPresent() && format == PlanFormat.text) {
                // Each refused step with what would let it run: a flag, an annotation, or fixing the data.
                tell(refusal.get()
                        .replaceFirst("^refusing to apply: ", "apply would refuse this plan: ")
                        .replaceFirst("Nothing was changed\\.$", "Nothing was changed (this was a plan)."));
            }
            if (outFile != null) {
                save(plan);
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
    private void dryRun(TargetSession session, ConvergePlan plan) {
        session.backfillDryRun(plan, phases.backfill()).forEach(line -> tell("Dry run: " + line));
    }

    private void save(ConvergePlan plan) {
        plan.save(outFile);
        tell("Saved the plan to " + outFile + "; apply it exactly as it is with: converge apply " + outFile
                + " --url URL");
    }
}
