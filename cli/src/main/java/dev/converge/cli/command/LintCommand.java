package dev.converge.cli.command;

import dev.converge.engine.workflow.KnownSchemas;
import dev.converge.engine.workflow.Planning;
import dev.converge.engine.workflow.Target;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.DesiredOptions;
import dev.converge.cli.option.SafetyOptions;
import dev.converge.cli.option.TargetOptions;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.lint.Finding;
import dev.converge.engine.lint.LintConfig;
import dev.converge.engine.lint.LintReports;
import dev.converge.engine.lint.LintRule;
import dev.converge.engine.lint.Linter;
import dev.converge.engine.lint.Severity;
import dev.converge.engine.spi.DialectRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * LintCommand checks the desired state and the plan against the target with the lint rules, and
 * reports as text, JSON or SARIF 2.1.0 (for code-scanning in CI). Exit 1 when a finding is an error.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check the desired state and the plan against lint rules (text, JSON or SARIF).")
public final class LintCommand implements Callable<Integer> {
    /** Output formats of a lint report. */
    public enum Format { text, json, sarif }

    private final DialectRegistry dialects;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TargetOptions target;

    @Mixin
    private DesiredOptions desired;

    @Mixin
    private SafetyOptions safety;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--rule", paramLabel = "ID=SEVERITY",
            description = "Set a rule's severity: error, warning, note or off (repeatable), e.g. no-primary-key=off.")
    private List<String> rules = new ArrayList<>();

    @Option(names = "--large-table-rows", paramLabel = "ROWS", defaultValue = "1000000",
            description = "Tables with more estimated rows count as large (default: ${DEFAULT-VALUE}).")
    private long largeTableRows;

    public LintCommand(DialectRegistry dialects) {
        this.dialects = dialects;
    }

    /** The desired root as given, when it is a file or directory (never a URL: it may hold a password). */
    private String desiredDirectory() {
        try {
            return desired.desired != null && java.nio.file.Files.exists(java.nio.file.Path.of(desired.desired))
                    ? desired.desired : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    @Override
    public Integer call() {
        LintConfig config = config();
        try (Target db = Target.open(dialects, target.url)) {
            Planning planning = Planning.run(db, desired.request(db.dialect(), target.scope(), safety.pipeline()));
            KnownSchemas.require(target.scope(), db, planning.current(), planning.desired().model());
            spec.commandLine().getErr().println("Desired state: " + planning.desired().description());
            spec.commandLine().getErr().flush();
            List<Finding> findings = new Linter(config).lint(planning.desired().model(), planning.plan(),
                    planning.desired().source());
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case json:
                    out.print(LintReports.json(findings));
                    break;
                case sarif:
                    out.print(LintReports.sarif(findings, config, desiredDirectory()));
                    break;
                default:
                    out.print(LintReports.text(findings));
            }
            out.flush();
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? ExitCodes.ERROR : ExitCodes.OK;
        }
    }

    private LintConfig config() {
        Set<String> known = Linter.rules().stream().map(LintRule::id).collect(Collectors.toSet());
        Map<String, Severity> severities = new HashMap<>();
        for (String rule : rules) {
            int eq = rule.indexOf('=');
            String id = eq < 0 ? rule : rule.substring(0, eq).trim();
            if (eq < 0 || !known.contains(id)) {
                throw new ConvergeException(ErrorKind.USAGE, "--rule " + rule + ": expected ID=SEVERITY with ID one of "
                        + known.stream().sorted().collect(Collectors.joining(", ")));
            }
            try {
                severities.put(id, Severity.parse(rule.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new ConvergeException(ErrorKind.USAGE, "--rule " + rule + ": " + e.getMessage());
            }
        }
        return new LintConfig(severities, largeTableRows);
    }
}
