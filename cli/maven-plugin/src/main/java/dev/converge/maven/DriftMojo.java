package dev.converge.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Reports drift (changes made outside Converge) and pending changes per target of an environment:
 * drift fails the build (exit 4); pending changes alone are a warning (exit 2). The JSON report goes
 * to {@code target/converge/drift.json}.
 */
@Mojo(name = "drift", threadSafe = true)
public final class DriftMojo extends ConvergeMojo {
    public DriftMojo() {
        super("drift");
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        if (!fleet()) {
            throw new MojoFailureException("converge drift needs <env> (converge.env): drift compares each target"
                    + " of an environment with what was last applied to it");
        }
        Outcome text = logged(List.of("drift", "--env=" + env, "--config=" + config));
        Outcome json = converge(List.of("drift", "--env=" + env, "--config=" + config, "--format=json"));
        if (!json.out().isBlank()) {
            write("drift.json", json.out());
        }
        check(text, 2);
    }
}
