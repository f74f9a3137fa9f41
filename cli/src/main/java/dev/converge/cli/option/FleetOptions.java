package dev.converge.cli.option;

import dev.converge.engine.fleet.Shard;
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

    @Option(names = "--shard", paramLabel = "K/N",
            description = "With --env: only shard K of N of the environment's targets (1 <= K <= N), split by a"
                    + " stable hash of each target's name, so N jobs (a CI matrix, a Kubernetes indexed Job) each"
                    + " take their share. Join their --report files with 'converge report merge'.")
    public String shard;

    /** The shard asked for, or the whole environment. */
    public Shard shard() {
        return shard == null ? Shard.ALL : Shard.parse(shard);
    }

    public boolean selected() {
        return env != null;
    }

    public ProjectConfig project() {
        return ProjectConfigReader.read(config);
    }
}
