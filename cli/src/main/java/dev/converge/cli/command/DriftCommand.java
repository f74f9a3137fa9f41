package dev.converge.cli.command;

import dev.converge.cli.ExitCodes;
import dev.converge.engine.fleet.Fleet;
import dev.converge.engine.workflow.PlanPipeline;
import dev.converge.engine.fleet.FleetPlan;
import dev.converge.engine.fleet.FleetStatus;
import dev.converge.engine.fleet.TargetPlan;
import dev.converge.engine.project.ProjectConfig;
import dev.converge.engine.project.ProjectConfigReader;
import dev.converge.engine.spi.DialectRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * DriftCommand compares every target of an environment with the desired snapshot recorded at its
 * last successful apply, telling drift (changed outside Converge) from pending (not yet applied).
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Report drift (changes made outside Converge) and pending changes per target of an environment.")
public final class DriftCommand implements Callable<Integer> {
    /** Exit code when at least one target drifted. */
    public static final int DRIFTED = ExitCodes.DRIFTED;

    private final DialectRegistry dialects;

    @Spec
    private CommandSpec spec;

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment to check.")
    private String env;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = ProjectConfig.DEFAULT_FILE,
            description = "The project file (default: ${DEFAULT-VALUE}).")
    private Path config;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ReportFormat format;

    public DriftCommand(DialectRegistry dialects) {
        this.dialects = dialects;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Fleet fleet = Fleet.open(ProjectConfigReader.read(config), env, dialects)
                .planning(PlanPipeline.Settings.NO_DATA_CHECKS)) {
            FleetPlan plan = FleetCommands.plan(fleet, spec);
            out.print(format == ReportFormat.json ? FleetStatus.driftJson(plan) : FleetStatus.driftText(plan));
            out.flush();
            if (!plan.failures().isEmpty()) {
                return ExitCodes.ERROR;
            }
            if (plan.targets().stream().anyMatch(t -> t.state().drifted())) {
                return DRIFTED;
            }
            return plan.targets().stream().anyMatch(TargetPlan::pending) ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
        }
    }
}
