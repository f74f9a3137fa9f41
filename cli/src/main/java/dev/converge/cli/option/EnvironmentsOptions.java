package dev.converge.cli.option;

import dev.converge.api.Converge;
import dev.converge.api.ConvergeProject;
import dev.converge.api.EnvironmentSurvey;
import dev.converge.cli.ExitCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * EnvironmentsOptions choose some or all environments of converge.yaml, for the commands that look
 * at several at once (status, report): mixed in, so that both read them the same way.
 */
public final class EnvironmentsOptions {
    @picocli.CommandLine.Option(names = "--env", paramLabel = "NAME",
            description = "Only this environment (repeatable). Default: all.")
    public List<String> envs = new ArrayList<>();

    @picocli.CommandLine.Option(names = "--config", paramLabel = "FILE", defaultValue = ConvergeProject.DEFAULT_FILE,
            description = "The project file (default: ${DEFAULT-VALUE}).")
    public Path config;

    /** The project of --config. */
    public ConvergeProject project() {
        return Converge.project(config);
    }

    /** The chosen environments, in promotion order; an --env the project lacks is a usage error naming those it has. */
    public List<String> selected(ConvergeProject project) {
        return project.environments(envs);
    }

    /**
     * The survey of each chosen environment, in promotion order (with each target's recent applies
     * when {@code withHistory}): one that cannot be read carries its error and does not hide the others.
     */
    public List<EnvironmentSurvey> surveys(boolean withHistory, Consumer<String> progress) {
        ConvergeProject project = project();
        return project.surveyEach(selected(project), withHistory, progress);
    }

    /** The exit code of a look at several environments: an error when one of them could not be read in full. */
    public static int exitCode(List<EnvironmentSurvey> surveys) {
        return surveys.stream().allMatch(EnvironmentSurvey::complete) ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
