package dev.converge.cli.command;

import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.DesiredOptions;
import dev.converge.engine.fleet.SchemaSource;
import dev.converge.engine.json.PlanJson;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanMarkdownRenderer;
import dev.converge.engine.plan.PlanTextRenderer;
import dev.converge.engine.safety.SafetyPolicy;
import dev.converge.engine.plan.Planner;
import dev.converge.engine.project.ProjectConfig;
import dev.converge.engine.project.ProjectConfigReader;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.spi.ShadowSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * DiffCommand shows the plan that would make {@code --to} look like {@code --from}: two
 * environments, two tenants, two URLs, two directories, or any mix. Nothing is changed.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Show the plan that would make --to look like --from (env:NAME[/TENANT], URL or directory).")
public final class DiffCommand implements Callable<Integer> {
    private final DialectRegistry dialects;

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "SOURCE", description = "The state wanted.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "SOURCE", description = "The state to change.")
    private String to;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = ProjectConfig.DEFAULT_FILE,
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

    public DiffCommand(DialectRegistry dialects) {
        this.dialects = dialects;
    }

    @Override
    public Integer call() {
        ProjectConfig project = Files.exists(config) ? ProjectConfigReader.read(config) : null;
        // null: the dialect's default shadow, chosen where the dialect is known.
        ShadowSpec shadowSpec = shadow == null ? null
                : shadow == DesiredOptions.ShadowChoice.server ? ShadowSpec.SERVER : ShadowSpec.EMBEDDED;
        boolean fromIsPath = Files.exists(Path.of(from));
        // A database side is read first, so that a directory's server shadow can be made next to it.
        SchemaSource target = SchemaSource.read(to, project, dialects, shadowSpec, null);
        SchemaSource wanted = SchemaSource.read(from, project, dialects, shadowSpec, fromIsPath ? target.url() : null);
        String dialectId = project == null ? "postgres" : project.dialect();
        Dialect dialect = dialects.byId(dialectId);
        Plan plan = Planner.of(dialect).plan(target.model(), wanted.in(target, dialect.lexer()), target.display());
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case json -> PlanJson.write(plan);
            case markdown -> new PlanMarkdownRenderer().render(plan, SafetyPolicy.DEFAULT);
            case text -> new PlanTextRenderer().render(plan);
        });
        out.flush();
        return detailedExitCode && !plan.isEmpty() ? ExitCodes.CHANGES_PENDING : ExitCodes.OK;
    }
}
