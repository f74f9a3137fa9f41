package dev.converge.cli.command;

import dev.converge.cli.option.PhaseOptions;
import dev.converge.engine.workflow.GitCommit;
import dev.converge.engine.diag.Plural;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.FleetOptions;
import dev.converge.cli.option.SafetyOptions;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.fleet.Fleet;
import dev.converge.engine.fleet.FleetApplyResult;
import dev.converge.engine.fleet.FleetPlan;
import dev.converge.engine.fleet.FleetPlanMarkdownRenderer;
import dev.converge.engine.fleet.FleetPlanRenderer;
import dev.converge.engine.fleet.FleetReports;
import dev.converge.engine.fleet.Shard;
import dev.converge.engine.fleet.SavedFleetPlan;
import dev.converge.engine.spi.DialectRegistry;
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
     * plan of it would be.
     */
    static Fleet open(DialectRegistry dialects, FleetOptions options, SafetyOptions safety, List<String> ignore) {
        Shard shard = options.shard();
        return Fleet.open(options.project(), options.env, dialects).planning(safety.pipeline()).ignoring(ignore)
                .shard(shard);
    }

    static int plan(DialectRegistry dialects, FleetOptions options, SafetyOptions safety, List<String> ignore,
                    CommandSpec spec, PlanCommand.PlanFormat format, boolean detailedExitCode, Path outFile,
                    PhaseOptions phases) {
        PrintWriter out = spec.commandLine().getOut();
        if (phases.phase != null && outFile != null) {
            throw new ConvergeException(ErrorKind.USAGE, "--phase with --env plans each target's phase to show it;"
                    + " a saved fleet plan is of the whole plan: drop --out or --phase");
        }
        try (Fleet fleet = open(dialects, options, safety, ignore)
                .phase(phases.phase, phases.confirmContract, phases.contractFlagSql, phases.backfill())) {
            FleetPlan plan = plan(fleet, spec);
            switch (format) {
                case json -> out.print(FleetReports.planJson(plan, fleet.shard()));
                // The refusals shown are those of the environment's policy, as apply --env would meet them.
                case markdown -> out.print(new FleetPlanMarkdownRenderer().render(plan, fleet.environment().policy()
                        .safety(safety.allowDestructive).withAllowedOn(fleet.desired().source().allowancesByName())));
                default -> out.print(new FleetPlanRenderer().render(plan));
            }
            out.flush();
            if (outFile != null) {
                write(outFile, FleetReports.planJson(plan, fleet.shard()));
                spec.commandLine().getErr().println("Saved the fleet plan to " + outFile + "; apply it with:"
                        + " converge apply " + outFile + " --env " + options.env);
            }
            if (!plan.failures().isEmpty()) {
                return ExitCodes.ERROR;
            }
            return detailedExitCode && plan.hasChanges() ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
        }
    }

    static FleetPlan plan(Fleet fleet, CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        FleetReports.planningAnnouncement(fleet).forEach(err::println);
        err.flush();
        return fleet.plan();
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
    static int apply(DialectRegistry dialects, FleetOptions options, SafetyOptions safety, List<String> ignore,
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
        SavedFleetPlan saved = planFile == null ? null : SavedFleetPlan.read(read(planFile), planFile.toString());
        try (Fleet fleet = open(dialects, options, safety, ignore)
                .phase(phases.phase, phases.confirmContract, phases.contractFlagSql, phases.backfill())) {
            String note = fleet.admit(skipPromotionCheck, who(), saved);
            if (!autoApprove) {
                FleetPlan plan = plan(fleet, spec);
                out.print(new FleetPlanRenderer().render(plan));
                if (!plan.hasChanges()) {
                    return ExitCodes.OK;
                }
                if (!confirm.test(out)) {
                    out.println("Apply cancelled: nothing was changed.");
                    return ExitCodes.ERROR;
                }
            } else {
                spec.commandLine().getErr().println("Desired state: " + fleet.desired().description());
            }
            out.println("Applying to " + Plural.count(fleet.targets().size(), "target") + " of " + fleet.environment().name()
                    + FleetReports.shardNote(fleet) + ", " + fleet.parallelism() + " at a time" + canaries(fleet) + " ...");
            out.flush();
            FleetApplyResult result = fleet.apply(safety.allowDestructive, note,
                    GitCommit.of(options.project().desired().toString()), saved, resume,
                    new FleetProgressPrinter(out, System.console() != null));
            out.print(FleetReports.summary(result));
            if (result.promotionNote() != null) {
                out.println("Recorded in history: " + result.promotionNote());
            }
            if (report != null) {
                write(report, FleetReports.applyReport(result, fleet.shard()));
                out.println("Report written to " + report);
            }
            out.flush();
            return ExitCodes.of(result);
        }
    }

    private static String canaries(Fleet fleet) {
        var env = fleet.environment();
        if (!env.hasTenants() || env.tenants().canary().isEmpty()) {
            return "";
        }
        return ", canary first: " + String.join(", ", env.tenants().canary());
    }

    static String who() {
        String user = System.getProperty("user.name", "unknown");
        return System.getenv().getOrDefault("CI", "").isEmpty() ? user : user + " (CI)";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.USAGE, "cannot read the plan " + file + ": " + e.getMessage(), e);
        }
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
