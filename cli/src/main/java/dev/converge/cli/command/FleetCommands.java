package dev.converge.cli.command;

import dev.converge.api.ConvergeProject;
import dev.converge.api.EnvironmentPlan;
import dev.converge.api.FleetOutcome;
import dev.converge.api.Rollout;
import dev.converge.api.StopSignal;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.FleetOptions;
import dev.converge.cli.option.PhaseOptions;
import dev.converge.cli.option.SafetyOptions;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * FleetCommands are plan and apply over an environment of converge.yaml ({@code --env}): every
 * target of it, with the desired state normalized once. plan and apply hand over to it when --env
 * is given, so both keep one set of options.
 */
final class FleetCommands {
    private FleetCommands() {
    }

    /** --env and --url/--desired exclude each other; without --env, --url is required. */
    static void checkTargetOptions(CommandSpec spec, FleetOptions fleet, String url, String desired) {
        if (fleet.shard != null && !fleet.selected()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--shard splits the targets of an"
                    + " environment; give --env NAME");
        }
        if (fleet.selected()) {
            if (url != null || desired != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--env takes the targets and the desired"
                        + " state from " + fleet.config + "; drop --url and --desired");
            }
            return;
        }
        if (url == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--url=URL' (or --env NAME with a converge.yaml)");
        }
    }

    /**
     * Opens the environment with the plan settings of the command line (online strategies, data
     * pre-checks and their budget per target, --ignore), so every target is planned as a single
     * plan of it would be; held to the saved fleet plan {@code planFile} unless it is null.
     */
    static Rollout open(FleetOptions options, SafetyOptions safety, List<String> ignore, Path planFile) {
        ConvergeProject project = options.project().planning(safety.planSettings()).ignoring(ignore);
        return (safety.allowDestructive ? project.allowingDestructive() : project).rollout(options.env, planFile);
    }

    static int plan(FleetOptions options, SafetyOptions safety, List<String> ignore,
                    CommandSpec spec, PlanCommand.PlanFormat format, boolean detailedExitCode, Path outFile,
                    PhaseOptions phases) {
        PrintWriter out = spec.commandLine().getOut();
        if (phases.phase != null && outFile != null) {
            throw new ConvergeException(ErrorKind.USAGE, "--phase with --env plans each target's phase to show it;"
                    + " a saved fleet plan is of the whole plan: drop --out or --phase");
        }
        try (Rollout rollout = open(options, safety, ignore, null)
                .inPhase(phases.phase, phases.confirmContract, phases.contractFlagSql, phases.backfill())) {
            EnvironmentPlan plan = plan(rollout, spec);
            switch (format) {
                case json -> out.print(plan.json());
                // The refusals shown are those of the environment's policy, as apply --env would meet them.
                case markdown -> out.print(plan.markdown());
                default -> out.print(plan.text());
            }
            out.flush();
            if (outFile != null) {
                write(outFile, plan.json());
                spec.commandLine().getErr().println("Saved the fleet plan to " + outFile + "; apply it with:"
                        + " converge apply " + outFile + " --env " + options.env);
            }
            if (plan.hasFailures()) {
                return ExitCodes.ERROR;
            }
            return detailedExitCode && plan.hasChanges() ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
        }
    }

    private static EnvironmentPlan plan(Rollout rollout, CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        rollout.planningAnnouncement().forEach(err::println);
        err.flush();
        return rollout.plan();
    }

    /** Where the API's progress lines go: standard error, each line as soon as it is told. */
    static Consumer<String> progress(CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        return line -> {
            err.println(line);
            err.flush();
        };
    }

    /**
     * Plans (shown, and confirmed on a terminal unless auto-approved), then rolls out. Without a
     * terminal --auto-approve is required, and the rollout goes straight on: each target is re-planned
     * just before its apply anyway.
     */
    static int apply(FleetOptions options, SafetyOptions safety, List<String> ignore,
                     CommandSpec spec, boolean autoApprove, boolean skipPromotionCheck, boolean resume, Path report,
                     Path planFile, java.util.function.Predicate<PrintWriter> confirm, PhaseOptions phases) {
        if (resume && planFile != null) {
            throw new ConvergeException(ErrorKind.USAGE, "--resume with --env continues each target's own stopped"
                    + " apply with the plan it keeps; drop the plan file");
        }
        if (phases.phase != null && (resume || planFile != null)) {
            throw new ConvergeException(ErrorKind.USAGE, "--phase with --env plans each target's phase afresh; drop "
                    + (resume ? "--resume (a phase is resumed by running it again)" : "the saved plan file"));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!autoApprove && System.console() == null) {
            throw new ConvergeException(ErrorKind.USAGE,
                    "apply needs --auto-approve when no terminal is attached; nothing was changed");
        }
        try (Rollout rollout = open(options, safety, ignore, planFile)
                .inPhase(phases.phase, phases.confirmContract, phases.contractFlagSql, phases.backfill())) {
            String note = rollout.admit(skipPromotionCheck, who());
            if (!autoApprove) {
                EnvironmentPlan plan = plan(rollout, spec);
                out.print(plan.text());
                if (!plan.hasChanges()) {
                    return ExitCodes.OK;
                }
                if (!confirm.test(out)) {
                    out.println("Apply cancelled: nothing was changed.");
                    return ExitCodes.ERROR;
                }
            } else {
                spec.commandLine().getErr().println("Desired state: " + rollout.desiredState());
            }
            out.println(rollout.announcement());
            out.flush();
            // With a phase, Ctrl-C stops the backfills at their next batch and the summary is printed before the
            // JVM ends; a whole rollout ends on a signal as it always has (null: no hook).
            try (SignalStop onSignal = phases.phase == null ? null : new SignalStop()) {
                FleetOutcome result = rollout.apply(note, resume, new FleetProgressPrinter(out, System.console() != null),
                        onSignal == null ? new StopSignal() : onSignal.signal());
                out.print(result.summary());
                if (result.promotionNote() != null) {
                    out.println("Recorded in history: " + result.promotionNote());
                }
                if (report != null) {
                    write(report, result.report());
                    out.println("Report written to " + report);
                }
                out.flush();
                return ExitCodes.of(result);
            }
        }
    }

    static String who() {
        String user = System.getProperty("user.name", "unknown");
        return System.getenv().getOrDefault("CI", "").isEmpty() ? user : user + " (CI)";
    }

    static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
