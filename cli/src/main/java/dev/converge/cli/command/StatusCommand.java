package dev.converge.cli.command;

import dev.converge.api.EnvironmentSurvey;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.EnvironmentsOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * StatusCommand prints the matrix of environments x targets in promotion order: the desired-state
 * hash each target last received, when and by whom, its last outcome, and whether it is pending or
 * drifted. Many targets alike are grouped into one line.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every environment and tenant: applied desired state, when, by whom, pending, drifted.")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private EnvironmentsOptions environments;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ReportFormat format;

    @Override
    public Integer call() {
        // One environment that cannot be reached (a variable unset here, a server down) must not hide
        // the others: it is reported after the matrix, and the exit code says so.
        List<EnvironmentSurvey> surveys = environments.surveys(false, FleetCommands.progress(spec));
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == ReportFormat.json ? EnvironmentSurvey.statusJson(surveys)
                : EnvironmentSurvey.statusText(surveys));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        surveys.forEach(s -> s.error().ifPresent(error -> err.println("error: environment " + s.name() + ": " + error)));
        err.flush();
        return surveys.stream().allMatch(EnvironmentSurvey::complete) ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
