package dev.converge.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the target's schema as desired-state SQL files into {@code target/converge/inspect}: the
 * starting point for adopting Converge on an existing database.
 */
@Mojo(name = "inspect", threadSafe = true)
public final class InspectMojo extends ConvergeMojo {
    public InspectMojo() {
        super("inspect");
    }

    @Override
    void run() throws MojoFailureException {
        check(logged(args(List.of("inspect"), target(),
                List.of("--out=" + outputDirectory.toPath().resolve("inspect")))));
    }
}
