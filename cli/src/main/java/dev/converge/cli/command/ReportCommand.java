package dev.converge.cli.command;

import dev.converge.api.EnvironmentSurvey;
import dev.converge.cli.option.EnvironmentsOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * ReportCommand writes the fleet report: one self-contained HTML file with what status, drift,
 * plan --env and history know about every environment of converge.yaml. Like status, it plans
 * without data checks (it reads no rows) and changes nothing.
 */
@Command(name = "report", mixinStandardHelpOptions = true, subcommands = ReportMergeCommand.class,
        description = "Write a self-contained HTML report of every environment and tenant: promotion, states,"
                + " plans with their graphs, drift and history. Changes nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written, every target read", "1:report written, but an environment or a target"
                + " could not be read (shown in it)", "64:usage error"})
public final class ReportCommand extends ConvergeCommand {
    @Mixin
    private EnvironmentsOptions environments;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "converge-report.html",
            description = "The HTML file to write (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() {
        // As in status: one environment that cannot be read is shown as such, the others still are.
        List<EnvironmentSurvey> surveys = environments.surveys(true, FleetCommands.progress(spec));
        long started = System.nanoTime();
        FleetCommands.write(out, EnvironmentSurvey.html(surveys, Instant.now()));
        tell(String.format(Locale.ROOT, "Rendered and written in %.1f s", (System.nanoTime() - started) / 1e9));
        surveys.forEach(s -> out().println(s.releaseNote()));
        out().println("Report written to " + out);
        out().flush();
        return EnvironmentsOptions.exitCode(surveys);
    }
}
