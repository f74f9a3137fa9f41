package dev.converge.cli.command;

import dev.converge.cli.ExitCodes;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.Redaction;
import dev.converge.engine.fleet.Fleet;
import dev.converge.engine.fleet.FleetPlan;
import dev.converge.engine.project.EnvironmentConfig;
import dev.converge.engine.project.ProjectConfig;
import dev.converge.engine.report.FleetHtmlReport;
import dev.converge.engine.report.FleetReport;
import dev.converge.engine.report.RecentHistory;
import dev.converge.engine.report.ReleaseNote;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.workflow.PlanPipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import dev.converge.cli.option.EnvironmentsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
public final class ReportCommand implements Callable<Integer> {
    private final DialectRegistry dialects;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EnvironmentsOptions environments;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "converge-report.html",
            description = "The HTML file to write (default: ${DEFAULT-VALUE}).")
    private Path out;

    public ReportCommand(DialectRegistry dialects) {
        this.dialects = dialects;
    }

    @Override
    public Integer call() {
        ProjectConfig project = environments.project();
        List<FleetReport.Environment> sections = new ArrayList<>();
        boolean complete = true;
        for (EnvironmentConfig env : environments.selected(project)) {
            // As in status: one environment that cannot be read is shown as such, the others still are.
            try (Fleet fleet = Fleet.open(project, env.name(), dialects).planning(PlanPipeline.Settings.NO_DATA_CHECKS)) {
                long started = System.nanoTime();
                FleetPlan plan = FleetCommands.plan(fleet, spec);
                long planned = System.nanoTime();
                sections.add(new FleetReport.Environment(env.name(), env.after(), plan, null,
                        RecentHistory.of(fleet, FleetHtmlReport.HISTORY_PER_TARGET)));
                spec.commandLine().getErr().printf(Locale.ROOT, "%s: planned in %.1f s, history read in %.1f s%n",
                        env.name(), (planned - started) / 1e9, (System.nanoTime() - planned) / 1e9);
                complete &= plan.failures().isEmpty();
            } catch (ConvergeException e) {
                sections.add(FleetReport.Environment.unreadable(env.name(), env.after(),
                        Redaction.text(e.getMessage())));
                complete = false;
            }
        }
        FleetReport report = new FleetReport(Instant.now(), sections);
        long started = System.nanoTime();
        FleetCommands.write(out, FleetHtmlReport.render(report));
        spec.commandLine().getErr().printf(Locale.ROOT, "Rendered and written in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        spec.commandLine().getErr().flush();
        PrintWriter stdout = spec.commandLine().getOut();
        sections.forEach(s -> stdout.println(ReleaseNote.of(s)));
        stdout.println("Report written to " + out);
        stdout.flush();
        return complete ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
