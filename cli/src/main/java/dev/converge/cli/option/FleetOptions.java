package dev.converge.cli.option;

import dev.converge.api.Converge;
import dev.converge.api.ConvergeProject;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** FleetOptions select an environment of the project's converge.yaml instead of a single --url. */
public final class FleetOptions {
    @Option(names = "--env", paramLabel = "NAME",
            description = "Work on this environment of converge.yaml (every tenant of it) instead of --url.")
    public String env;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = ConvergeProject.DEFAULT_FILE,
            description = "The project file (default: ${DEFAULT-VALUE}).")
    public Path config;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "With --env: only shard K of N of the environment's targets (1 <= K <= N), split by a"
                    + " stable hash of each target's name, so N jobs (a CI matrix, a Kubernetes indexed Job) each"
                    + " take their share. Join their --report files with 'converge report merge'.")
    public String shard;

    public boolean selected() {
        return env != null;
    }

    /** The project of --config, on the shard asked for (if any). */
    public ConvergeProject project() {
        ConvergeProject project = Converge.project(config);
        return shard == null ? project : project.shard(shard);
    }
}
