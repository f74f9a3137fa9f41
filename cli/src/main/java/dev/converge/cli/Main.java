package dev.converge.cli;

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
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.spi.DialectRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Main is the {@code converge} command: it wires the dialects, the subcommands and the error handling. */
@Command(name = "converge", mixinStandardHelpOptions = true, version = "converge 0.1.0",
        description = "Declarative schema management: plan and apply the desired state of a database.",
        subcommands = {PlanCommand.class, ApplyCommand.class, LintCommand.class, HistoryCommand.class,
                InspectCommand.class, ValidateCommand.class, DemoCommand.class, DriftCommand.class, StatusCommand.class,
                ReportCommand.class, DiffCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(DialectRegistry.fromServiceLoader()).execute(args));
    }

    /** The configured command line; tests call it with their own writers. */
    public static CommandLine commandLine(DialectRegistry dialects) {
        CommandLine cli = new CommandLine(new Main(), new DialectFactory(dialects));
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler(Main::executionError);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("error: " + Redaction.passwords(e.getMessage()));
        err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCodes.USAGE;
    }

    private static int executionError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof BadInputException) {
            err.print(((BadInputException) e).render());
        } else if (e instanceof ConvergeException) {
            err.println("error: " + Redaction.passwords(e.getMessage()));
        } else {
            // A driver or library exception may quote a connection string; the trace is redacted too.
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.println("internal error: " + Redaction.passwords(String.valueOf(e)));
            err.print(Redaction.passwords(trace.toString()));
        }
        err.flush();
        return e instanceof ConvergeException ? ((ConvergeException) e).kind().exitCode() : ExitCodes.ERROR;
    }
}
