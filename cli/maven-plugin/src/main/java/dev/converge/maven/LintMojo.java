package dev.converge.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the desired files and the plan against the lint rules; findings go to the log and as SARIF
 * (for code scanning) to {@code target/converge/lint.sarif}. An error-level finding fails the build.
 */
@Mojo(name = "lint", threadSafe = true)
public final class LintMojo extends ConvergeMojo {
    public LintMojo() {
        super("lint");
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        Outcome text = logged(args(List.of("lint"), target(), desiredState()));
        if (text.exitCode() <= 1) { // findings (0 or 1), not a usage or input error
            Outcome sarif = converge(args(List.of("lint", "--format=sarif"), target(), desiredState()));
            if (!sarif.out().isBlank()) {
                write("lint.sarif", sarif.out());
            }
        }
        check(text);
    }
}
