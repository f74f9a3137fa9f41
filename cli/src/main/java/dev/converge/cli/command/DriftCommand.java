package dev.converge.cli.command;

import dev.converge.api.Converge;
import dev.converge.api.ConvergeProject;
import dev.converge.api.EnvironmentSurvey;
import dev.converge.cli.ExitCodes;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * DriftCommand compares every target of an environment with the desired snapshot recorded at its
 * last successful apply, telling drift (changed outside Converge) from pending (not yet applied).
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Report drift (changes made outside Converge) and pending changes per target of an environment.")
public final class DriftCommand extends ConvergeCommand {
    /** Exit code when at least one target drifted. */
    public static final int DRIFTED = ExitCodes.DRIFTED;

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment to check.")
    private String env;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = ConvergeProject.DEFAULT_FILE,
            description = "The project file (default: ${DEFAULT-VALUE}).")
    private Path config;

    @Mixin
    private ReportFormatOption format;

    @Override
    public Integer call() {
        EnvironmentSurvey survey = Converge.project(config).survey(env, FleetCommands.progress(spec));
        print(format.json() ? survey.driftJson() : survey.driftText());
        if (!survey.complete()) {
            return ExitCodes.ERROR;
        }
        if (survey.drifted()) {
            return DRIFTED;
        }
        return survey.pending() ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
    }
}
