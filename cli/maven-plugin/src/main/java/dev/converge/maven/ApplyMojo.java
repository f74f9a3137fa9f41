package dev.converge.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Makes the target match the desired files (or runs a saved plan exactly), under the policy
 * configured here; a refused step fails the build (exit 3) and nothing is changed. A build never
 * prompts: the apply is approved by being configured.
 */
@Mojo(name = "apply", threadSafe = true)
public final class ApplyMojo extends ConvergeMojo {
    /** A plan saved by {@code converge:plan} (or {@code converge plan --out}): run exactly it. */
    @Parameter(property = "converge.plan")
    File plan;

    /** Write a JSON report of every target's outcome (with {@code env}) to target/converge/apply-report.json. */
    @Parameter(property = "converge.report", defaultValue = "true")
    boolean report;

    public ApplyMojo() {
        super("apply");
    }

    @Override
    void run() throws MojoFailureException {
        List<String> args = new ArrayList<>(List.of("apply", "--auto-approve"));
        args.addAll(target());
        if (plan != null) {
            args.add(plan.toString());
        } else {
            args.addAll(desiredState());
        }
        args.addAll(policy());
        if (report && fleet()) {
            args.add("--report=" + outputDirectory.toPath().resolve("apply-report.json"));
        }
        check(logged(args));
    }
}
