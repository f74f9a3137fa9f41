package dev.converge.cli.command;

import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.DesiredOptions;
import dev.converge.cli.option.FleetOptions;
import dev.converge.cli.option.TargetOptions;
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
    /** Output formats of a plan. */
    public enum Format { text, json }

    private final DialectRegistry dialects;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TargetOptions target;

    @Mixin
    private DesiredOptions desired;

    @Mixin
    private FleetOptions fleet;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--detailed-exitcode",
            description = "Exit 0 when there are no changes, 2 when there are (like terraform plan).")
    private boolean detailedExitCode;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also save the plan to FILE, to apply later exactly as reviewed: converge apply FILE --url URL.")
    private Path outFile;

    public PlanCommand(DialectRegistry dialects) {
        this.dialects = dialects;
    }

    @Override
    public Integer call() {
        FleetCommands.checkTargetOptions(spec, fleet, target.url, desired.desired);
        if (fleet.selected()) {
            return FleetCommands.plan(dialects, fleet, spec, format == Format.json, detailedExitCode);
        }
        try (Target db = Target.open(dialects, target.url)) {
            Planning planning = Planning.run(db, desired, target.scope());
            spec.commandLine().getErr().println("Desired state: " + planning.desired.description());
            spec.commandLine().getErr().flush();
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.json ? PlanJson.write(planning.plan) : new PlanTextRenderer().render(planning.plan));
            out.flush();
            desired.refuseUnmanaged(planning.plan);
            if (outFile != null) {
                save(planning);
            }
            return detailedExitCode && !planning.plan.isEmpty() ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
        }
    }

    private void save(Planning planning) {
        try {
            Path parent = outFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(outFile, SavedPlanJson.write(planning.saved()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot write the plan to " + outFile + ": " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("Saved the plan to " + outFile + "; apply it exactly as it is with:"
                + " converge apply " + outFile + " --url URL");
        spec.commandLine().getErr().flush();
    }
}
