package dev.converge.cli.command;

import dev.converge.cli.ExitCodes;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.fleet.Fleet;
import dev.converge.engine.workflow.PlanPipeline;
import dev.converge.engine.fleet.FleetPlan;
import dev.converge.engine.fleet.FleetStatus;
import dev.converge.engine.project.EnvironmentConfig;
import dev.converge.engine.project.ProjectConfig;
import dev.converge.engine.spi.DialectRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import dev.converge.cli.option.EnvironmentsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * StatusCommand prints the matrix of environments x targets in promotion order: the desired-state
 * hash each target last received, when and by whom, its last outcome, and whether it is pending or
 * drifted. Many targets alike are grouped into one line.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every environment and tenant: applied desired state, when, by whom, pending, drifted.")
public final class StatusCommand implements Callable<Integer> {
    private final DialectRegistry dialects;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EnvironmentsOptions environments;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ReportFormat format;

    public StatusCommand(DialectRegistry dialects) {
        this.dialects = dialects;
    }

    @Override
    public Integer call() {
        ProjectConfig project = environments.project();
        List<FleetPlan> plans = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (EnvironmentConfig env : environments.selected(project)) {
            // One environment that cannot be reached (a variable unset here, a server down) must not
            // hide the others: it is reported after the matrix, and the exit code says so.
            try (Fleet fleet = Fleet.open(project, env.name(), dialects)
                .planning(PlanPipeline.Settings.NO_DATA_CHECKS)) {
                plans.add(FleetCommands.plan(fleet, spec));
            } catch (ConvergeException e) {
                unreadable.add(env.name() + ": " + Redaction.text(e.getMessage()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == ReportFormat.json ? FleetStatus.statusJson(plans) : FleetStatus.matrix(plans));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        unreadable.forEach(line -> err.println("error: environment " + line));
        err.flush();
        return unreadable.isEmpty() && plans.stream().allMatch(p -> p.failures().isEmpty()) ? ExitCodes.OK
                : ExitCodes.ERROR;
    }
}
