package dev.converge.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the desired files without a target: split, parse, order and load them into a shadow;
 * bad input fails the build with file:line:col (exit 65).
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ValidateMojo extends ConvergeMojo {
    /** The dialect of the files: {@code postgres} or {@code mysql}. */
    @Parameter(property = "converge.dialect", defaultValue = "postgres")
    String dialect;

    /** Only parse and order the files; start no database. */
    @Parameter(property = "converge.noShadow", defaultValue = "false")
    boolean noShadow;

    public ValidateMojo() {
        super("validate");
    }

    @Override
    void run() throws MojoFailureException {
        List<String> args = new ArrayList<>(List.of("validate", "--desired=" + desired, "--dialect=" + dialect));
        flag(args, "--no-shadow", noShadow);
        option(args, "--dev-url", devUrl);
        check(logged(args));
    }
}
