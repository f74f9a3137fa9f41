package dev.converge.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Plans the changes that make the target match the desired files: the text plan goes to the log,
 * the Markdown plan (for a pull request) to {@code target/converge/plan.md}, and, for one target,
 * the saved plan to {@code target/converge/plan.json}, which {@code converge:apply} can run exactly.
 */
@Mojo(name = "plan", threadSafe = true)
public final class PlanMojo extends ConvergeMojo {
    /** Fail the build when the plan is not empty ({@code --detailed-exitcode}: exit 2). */
    @Parameter(property = "converge.failOnChanges", defaultValue = "false")
    boolean failOnChanges;

    public PlanMojo() {
        super("plan");
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        boolean single = !fleet();
        List<String> saving = single ? List.of("--out=" + outputDirectory.toPath().resolve("plan.json"))
                : List.of("--out=" + outputDirectory.toPath().resolve("fleet-plan.json"));
        Outcome text = logged(args(List.of("plan"), target(), desiredState(), policy(), saving,
                failOnChanges ? List.of("--detailed-exitcode") : List.of()));
        if (single && text.exitCode() != 1 && text.exitCode() < 64) {
            Outcome markdown = converge(args(List.of("plan", "--format=markdown"), target(), desiredState(), policy()));
            if (markdown.exitCode() == 0) {
                write("plan.md", markdown.out());
            }
        }
        check(text);
    }
}
