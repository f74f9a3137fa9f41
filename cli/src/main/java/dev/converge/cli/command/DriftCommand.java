package dev.converge.cli.command;

import dev.converge.api.Converge;
import dev.converge.api.ConvergeProject;
import dev.converge.api.EnvironmentSurvey;
import dev.converge.cli.ExitCodes;
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

    @Spec
    private CommandSpec spec;

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment to check.")
    private String env;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = ConvergeProject.DEFAULT_FILE,
            description = "The project file (default: ${DEFAULT-VALUE}).")
    private Path config;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ReportFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EnvironmentSurvey survey = Converge.project(config).survey(env, FleetCommands.progress(spec));
        out.print(format == ReportFormat.json ? survey.driftJson() : survey.driftText());
        out.flush();
        if (!survey.complete()) {
            return ExitCodes.ERROR;
        }
        if (survey.drifted()) {
            return DRIFTED;
        }
        return survey.pending() ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
    }
}
