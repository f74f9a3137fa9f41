package dev.converge.maven;

import dev.converge.cli.Main;
import dev.converge.engine.spi.DialectRegistry;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import picocli.CommandLine;

/**
 * ConvergeMojo is what every goal shares: the pom's configuration, turned into the options of the
 * CLI command of the same name, run in-process, so that the build says and does exactly what
 * {@code converge <goal>} would. The output goes to the build log (and, for reports, to files under
 * {@code target/converge}); an exit code the CLI counts as a failure fails the build, naming it.
 */
abstract class ConvergeMojo extends AbstractMojo {
    /** Exit codes of the CLI (README, "Exit codes"). */
    static final Map<Integer, String> EXIT_CODES = Map.of(1, "error", 2, "changes pending", 3, "refused",
            4, "drift found", 5, "unmanaged objects", 6, "shadow binaries unavailable", 64, "usage", 65, "bad input");

    /** The target database: {@code postgresql://user@host/db}, {@code mysql://...} or a JDBC URL. */
    @Parameter(property = "converge.url")
    String url;

    /** Instead of {@code url}: an environment of {@code converge.yaml} (every target and tenant of it). */
    @Parameter(property = "converge.env")
    String env;

    /** The project file, with {@code env}. */
    @Parameter(property = "converge.config", defaultValue = "${project.basedir}/converge.yaml")
    File config;

    /** The desired state: a directory of .sql files. */
    @Parameter(property = "converge.desired", defaultValue = "${project.basedir}/src/main/sql")
    File desired;

    /** Manage only these schemas (default: every non-system schema). */
    @Parameter
    List<String> schemas = new ArrayList<>();

    /** Shadow that normalizes the files: {@code embedded} or {@code server} (default: the dialect's). */
    @Parameter(property = "converge.shadow")
    String shadow;

    /** An empty dev database to use as the shadow. */
    @Parameter(property = "converge.devUrl")
    String devUrl;

    /** Policy: allow every destructive step ({@code --allow-destructive}). */
    @Parameter(property = "converge.allowDestructive", defaultValue = "false")
    boolean allowDestructive;

    /** Policy: hazard codes allowed on every step ({@code --allow-hazards}). */
    @Parameter
    List<String> allowHazards = new ArrayList<>();

    /** Policy: the strongest table lock a step may take ({@code --max-lock}). */
    @Parameter(property = "converge.maxLock")
    String maxLock;

    /** Policy: plan and apply although unmanaged objects were found ({@code --allow-unmanaged}). */
    @Parameter(property = "converge.allowUnmanaged", defaultValue = "false")
    boolean allowUnmanaged;

    /** Where reports (plan, Markdown, SARIF, inspected SQL) are written. */
    @Parameter(property = "converge.outputDirectory", defaultValue = "${project.build.directory}/converge")
    File outputDirectory;

    /** Skip this goal. */
    @Parameter(property = "converge.skip", defaultValue = "false")
    boolean skip;

    /** The goal's name, which is also the CLI command's. */
    private final String goal;

    ConvergeMojo(String goal) {
        this.goal = goal;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("converge:" + goal + " skipped (converge.skip)");
            return;
        }
        try {
            Files.createDirectories(outputDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot create " + outputDirectory + ": " + e.getMessage(), e);
        }
        run();
    }

    /** Runs the goal: one or more CLI commands. */
    abstract void run() throws MojoExecutionException, MojoFailureException;

    /** What the CLI printed, and how it ended. */
    record Outcome(int exitCode, String out, String err) {
    }

    /** Runs {@code converge <args>} in-process, logging what it prints; returns the outcome. */
    Outcome converge(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(DialectRegistry.fromServiceLoader());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args.toArray(String[]::new));
        err.toString().lines().forEach(line -> getLog().info(line));
        return new Outcome(exit, out.toString(), err.toString());
    }

    /** Runs a command whose output is for the reader (not a report to write): its lines go to the build's log. */
    Outcome logged(List<String> args) {
        Outcome outcome = converge(args);
        outcome.out().lines().forEach(line -> getLog().info(line));
        return outcome;
    }

    /** Fails the build for the exit codes the CLI counts as failures; {@code tolerated} ones pass. */
    void check(Outcome outcome, int... tolerated) throws MojoFailureException {
        int exit = outcome.exitCode();
        if (exit == 0) {
            return;
        }
        for (int code : tolerated) {
            if (code == exit) {
                getLog().warn("converge " + goal + ": exit " + exit + " (" + EXIT_CODES.get(exit) + ")");
                return;
            }
        }
        String last = outcome.err().strip();
        throw new MojoFailureException("converge " + goal + " failed with exit code " + exit + " ("
                + EXIT_CODES.getOrDefault(exit, "error") + ")" + (last.isEmpty() ? "" : ":\n" + last));
    }

    /** The target: {@code --url} or {@code --env} with {@code --config}. */
    List<String> target() throws MojoFailureException {
        List<String> args = new ArrayList<>();
        if (fleet()) {
            args.add("--env=" + env);
            args.add("--config=" + config);
        } else if (given(url)) {
            args.add("--url=" + url);
            schemas.forEach(s -> args.add("--schema=" + s));
        } else {
            throw new MojoFailureException("converge " + goal + " needs a target: <url> (converge.url) or <env>"
                    + " (converge.env) with converge.yaml");
        }
        return args;
    }

    /** The desired directory and shadow (with {@code --env}, converge.yaml says them). */
    List<String> desiredState() {
        List<String> args = new ArrayList<>();
        if (fleet()) {
            return args;
        }
        args.add("--desired=" + desired);
        option(args, "--shadow", shadow);
        option(args, "--dev-url", devUrl);
        flag(args, "--allow-unmanaged", allowUnmanaged);
        return args;
    }

    /** The safety policy's options. */
    List<String> policy() {
        List<String> args = new ArrayList<>();
        flag(args, "--allow-destructive", allowDestructive);
        option(args, "--allow-hazards", String.join(",", allowHazards));
        option(args, "--max-lock", maxLock);
        return args;
    }

    /** Writes a report under the output directory and says where. */
    void write(String fileName, String text) throws MojoExecutionException {
        Path file = outputDirectory.toPath().resolve(fileName);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + file + ": " + e.getMessage(), e);
        }
        getLog().info("Wrote " + file);
    }

    /** Whether the goal runs on an environment of converge.yaml (else on one target, {@code url}). */
    boolean fleet() {
        return given(env);
    }

    /** A parameter left out, or left empty in the pom (an unset property), is not given. */
    static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /** Adds {@code --name=value} when the value is given. */
    static void option(List<String> args, String name, String value) {
        if (given(value)) {
            args.add(name + "=" + value);
        }
    }

    /** Adds the flag {@code name} when it is set. */
    static void flag(List<String> args, String name, boolean set) {
        if (set) {
            args.add(name);
        }
    }

    static List<String> args(List<String> first, List<String>... more) {
        List<String> all = new ArrayList<>(first);
        for (List<String> part : more) {
            all.addAll(part);
        }
        return all;
    }
}
