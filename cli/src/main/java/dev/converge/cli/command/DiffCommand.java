package dev.converge.cli.command;

import dev.converge.api.ConvergeProject;
import dev.converge.api.DiffPlan;
import dev.converge.api.Format;
import dev.converge.api.SchemaDiff;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.DesiredOptions;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * DiffCommand shows the plan that would make {@code --to} look like {@code --from}: two
 * environments, two tenants, two URLs, two directories, or any mix. Nothing is changed.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Show the plan that would make --to look like --from (env:NAME[/TENANT], URL or directory).")
public final class DiffCommand extends ConvergeCommand {
    @Option(names = "--from", required = true, paramLabel = "SOURCE", description = "The state wanted.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "SOURCE", description = "The state to change.")
    private String to;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = ConvergeProject.DEFAULT_FILE,
            description = "The project file, for env: sources (default: ${DEFAULT-VALUE}).")
    private Path config;

    @Option(names = "--shadow", paramLabel = "KIND",
            description = "Shadow for directories: ${COMPLETION-CANDIDATES} (default: the dialect's, as for plan).")
    private DesiredOptions.ShadowChoice shadow;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private PlanCommand.Format format;

    @Option(names = "--detailed-exitcode", description = "Exit 0 when the two are the same, 2 when they differ.")
    private boolean detailedExitCode;

    @Override
    public Integer call() {
        SchemaDiff diff = SchemaDiff.between(from, to).project(config);
        // none chosen: the dialect's default shadow, chosen where the dialect is known.
        diff = shadow == null ? diff : shadow == DesiredOptions.ShadowChoice.server ? diff.serverShadow() : diff.embeddedShadow();
        DiffPlan plan = diff.plan();
        print(plan.render(switch (format) {
            case json -> Format.JSON;
            case markdown -> Format.MARKDOWN;
            case text -> Format.TEXT;
        }));
        return detailedExitCode && !plan.isEmpty() ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
    }
}
