package dev.converge.cli.command;

import dev.converge.api.EnvironmentSurvey;
import dev.converge.cli.option.EnvironmentsOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * StatusCommand prints the matrix of environments x targets in promotion order: the desired-state
 * hash each target last received, when and by whom, its last outcome, and whether it is pending or
 * drifted. Many targets alike are grouped into one line.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show every environment and tenant: applied desired state, when, by whom, pending, drifted.")
public final class StatusCommand extends ConvergeCommand {
    @Mixin
    private EnvironmentsOptions environments;

    @Mixin
    private ReportFormatOption format;

    @Override
    public Integer call() {
        // One environment that cannot be reached (a variable unset here, a server down) must not hide
        // the others: it is reported after the matrix, and the exit code says so.
        List<EnvironmentSurvey> surveys = environments.surveys(false, FleetCommands.progress(spec));
        print(format.json() ? EnvironmentSurvey.statusJson(surveys) : EnvironmentSurvey.statusText(surveys));
        surveys.forEach(s -> s.error().ifPresent(error -> tell("error: environment " + s.name() + ": " + error)));
        return EnvironmentsOptions.exitCode(surveys);
    }
}
