package dev.converge.cli.option;

import dev.converge.engine.project.ProjectConfig;
import dev.converge.engine.project.ProjectConfigReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** FleetOptions select an environment of the project's converge.yaml instead of a single --url. */
public final class FleetOptions {
    @Option(names = "--env", paramLabel = "NAME",
            description = "Work on this environment of converge.yaml (every tenant of it) instead of --url.")
    public String env;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = ProjectConfig.DEFAULT_FILE,
            description = "The project file (default: ${DEFAULT-VALUE}).")
    public Path config;

    public boolean selected() {
        return env != null;
    }

    public ProjectConfig project() {
        return ProjectConfigReader.read(config);
    }
}
