package dev.converge.cli;

import dev.converge.api.Dialects;
import dev.converge.api.Messages;
import dev.converge.api.RunSettings;
import dev.converge.cli.command.ApplyCommand;
import dev.converge.cli.command.DemoCommand;
import dev.converge.cli.command.DiffCommand;
import dev.converge.cli.command.DriftCommand;
import dev.converge.cli.command.HistoryCommand;
import dev.converge.cli.command.InspectCommand;
import dev.converge.cli.command.LintCommand;
import dev.converge.cli.command.PlanCommand;
import dev.converge.cli.command.ReportCommand;
import dev.converge.cli.command.StatusCommand;
import dev.converge.cli.command.ValidateCommand;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.ConvergeException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Main is the {@code converge} command: it wires the dialects, the subcommands and the error handling. */
@Command(name = "converge", mixinStandardHelpOptions = true, version = "converge 0.1.0",
        description = "Declarative schema management: plan and apply the desired state of a database.")
public final class Main implements java.util.concurrent.Callable<Integer> {
    /** The commands, in the order the usage lists them. */
    private static final List<Class<?>> COMMANDS = List.of(PlanCommand.class, ApplyCommand.class, LintCommand.class,
            HistoryCommand.class, InspectCommand.class, ValidateCommand.class, DemoCommand.class, DriftCommand.class,
            StatusCommand.class, ReportCommand.class, DiffCommand.class, CommandLine.HelpCommand.class);

    /** Options of {@code converge} itself that take a value in the next argument. */
    private static final Set<String> ROOT_OPTIONS_WITH_VALUE = Set.of("--log-level", "--cache-dir");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // --version alone needs neither the dialects nor picocli's model of every command (about 1,500
        // classes loaded by reflection): answering it first is half of its start-up. Same text as picocli's.
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(String.join(System.lineSeparator(), Main.class.getAnnotation(Command.class).version()));
            System.exit(ExitCodes.OK);
        }
        System.exit(commandLine(Dialects.installed(), commandsFor(args)).execute(args));
    }

    /** The configured command line; tests call it with their own writers. */
    public static CommandLine commandLine(Dialects dialects) {
        return commandLine(dialects, COMMANDS);
    }

    /**
     * The one command {@code args} name, or all of them (for help, usage errors and suggestions):
     * picocli builds its model of each command it is given by reflection, and creates the command,
     * which for all of them was a fifth of the start-up of a plan.
     */
    static List<Class<?>> commandsFor(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (ROOT_OPTIONS_WITH_VALUE.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                String word = args[i];
                return COMMANDS.stream().filter(type -> type != CommandLine.HelpCommand.class)
                        .filter(type -> type.getAnnotation(Command.class).name().equals(word))
                        .findFirst().<List<Class<?>>>map(List::of).orElse(COMMANDS);
            }
        }
        return COMMANDS;
    }

    static CommandLine commandLine(Dialects dialects, List<Class<?>> commands) {
        CommandLine cli = new CommandLine(new Main(), new DialectFactory(dialects));
        commands.forEach(cli::addSubcommand);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler(Main::executionError);
        HelpFooter.addTo(cli);
        cli.setExecutionStrategy(Main::runWithDiagnostics);
        return cli;
    }

    /** Options every command takes: how much it tells about its stages, and its normalization cache. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show each stage (split, parse, shadow start, load, inspect target, inspect desired, diff,"
                    + " order, classify, pre-checks) with its time, and normalization cache hits, on standard error.")
    private boolean verbose;

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL",
            description = "info (default) or debug (the same as --verbose).")
    private LogLevel logLevel = LogLevel.info;

    @Option(names = "--no-cache", scope = ScopeType.INHERIT,
            description = "Load the desired files into a shadow even when this desired state was normalized before.")
    private boolean noCache;

    @Option(names = "--cache-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Keep normalized desired states in DIR (e.g. one a CI job keeps between runs). Default:"
                    + " $CONVERGE_CACHE_DIR, else $XDG_CACHE_HOME/converge, else ~/.cache/converge.")
    private Path cacheDir;

    /** Levels of --log-level. */
    enum LogLevel { info, debug }

    /**
     * Runs the command with the stage printer and the cache its options ask for, and puts both back
     * afterwards (tests run many commands in one JVM).
     */
    private static int runWithDiagnostics(CommandLine.ParseResult parsed) {
        boolean verbose = false;
        boolean noCache = false;
        Path cacheDir = null;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            verbose |= p.hasMatchedOption("--verbose") && Boolean.TRUE.equals(p.matchedOptionValue("--verbose", false));
            verbose |= p.hasMatchedOption("--log-level") && p.matchedOptionValue("--log-level", LogLevel.info) == LogLevel.debug;
            noCache |= p.hasMatchedOption("--no-cache") && Boolean.TRUE.equals(p.matchedOptionValue("--no-cache", false));
            if (p.hasMatchedOption("--cache-dir")) {
                cacheDir = p.matchedOptionValue("--cache-dir", null);
            }
        }
        CommandLine cli = parsed.commandSpec().commandLine();
        try (PhasePrinter printer = new PhasePrinter(cli.getErr(), verbose, System.console() != null);
             RunSettings.Installed installed = settings(printer, noCache, cacheDir).install()) {
            return new CommandLine.RunLast().execute(parsed);
        }
    }

    private static RunSettings settings(PhasePrinter printer, boolean noCache, Path cacheDir) {
        RunSettings settings = RunSettings.DEFAULT.listeningToStages(printer);
        return noCache ? settings.withoutCache() : cacheDir != null ? settings.cachingIn(cacheDir) : settings;
    }

    /** Bare {@code converge}: no command was given, which is a usage error; the usage says which there are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("error: " + Messages.redacted(e.getMessage()));
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            // picocli ranks the commands and options nearest to what was typed: "plna" -> plan.
            List<String> nearest = unmatched.getSuggestions().stream().limit(3).map(Messages::redacted).toList();
            err.println("did you mean " + nearest.get(0) + "?"
                    + (nearest.size() > 1 ? " (or " + String.join(", ", nearest.subList(1, nearest.size())) + ")" : ""));
        }
        err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCodes.USAGE;
    }

    private static int executionError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof BadInputException) {
            err.print(((BadInputException) e).render());
        } else if (e instanceof ConvergeException) {
            err.println("error: " + Messages.redacted(e.getMessage()));
        } else {
            // A driver or library exception may quote a connection string; the trace is redacted too.
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.println("internal error: " + Messages.redacted(String.valueOf(e)));
            err.print(Messages.redacted(trace.toString()));
        }
        err.flush();
        return e instanceof ConvergeException ? ((ConvergeException) e).kind().exitCode() : ExitCodes.ERROR;
    }
}
