package dev.converge.cli.option;

import dev.converge.engine.project.EnvironmentConfig;
import dev.converge.engine.project.ProjectConfig;
import dev.converge.engine.project.ProjectConfigReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * EnvironmentsOptions choose some or all environments of converge.yaml, for the commands that look
 * at several at once (status, report): mixed in, so that both read them the same way.
 */
public final class EnvironmentsOptions {
    @picocli.CommandLine.Option(names = "--env", paramLabel = "NAME",
            description = "Only this environment (repeatable). Default: all.")
    public List<String> envs = new ArrayList<>();

    @picocli.CommandLine.Option(names = "--config", paramLabel = "FILE", defaultValue = ProjectConfig.DEFAULT_FILE,
            description = "The project file (default: ${DEFAULT-VALUE}).")
    public Path config;

    /** The project of --config; an --env it lacks is a usage error naming the environments it has. */
    public ProjectConfig project() {
        ProjectConfig project = ProjectConfigReader.read(config);
        envs.forEach(project::environment);
        return project;
    }

    /** The chosen environments, in promotion order. */
    public List<EnvironmentConfig> selected(ProjectConfig project) {
        return project.promotionOrder().stream().filter(e -> envs.isEmpty() || envs.contains(e.name())).toList();
    }
}
