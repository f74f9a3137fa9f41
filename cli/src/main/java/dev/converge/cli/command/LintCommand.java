package dev.converge.cli.command;

import dev.converge.api.LintReport;
import dev.converge.api.LintRules;
import dev.converge.cli.ExitCodes;
import dev.converge.cli.option.DesiredOptions;
import dev.converge.cli.option.SafetyOptions;
import dev.converge.cli.option.TargetOptions;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * LintCommand checks the desired state and the plan against the target with the lint rules, and
 * reports as text, JSON or SARIF 2.1.0 (for code-scanning in CI). Exit 1 when a finding is an error.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check the desired state and the plan against lint rules (text, JSON or SARIF).")
public final class LintCommand extends ConvergeCommand {
    /** Output formats of a lint report. */
    public enum Format { text, json, sarif }

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

    @Override
    public Integer call() {
        LintRules rules = rules();
        LintReport report = desired.planned(target, safety).lint(desired.desiredState(), rules);
        tell("Desired state: " + report.desiredState());
        print(switch (format) {
            case json -> report.json();
            case sarif -> report.sarif();
            case text -> report.text();
        });
        return report.hasErrors() ? ExitCodes.ERROR : ExitCodes.OK;
    }

    private LintRules rules() {
        LintRules configured = LintRules.DEFAULT.largeTablesFrom(largeTableRows);
        for (String rule : rules) {
            int eq = rule.indexOf('=');
            String id = eq < 0 ? rule : rule.substring(0, eq).trim();
            if (eq < 0 || !LintRules.ids().contains(id)) {
                throw new ConvergeException(ErrorKind.USAGE, "--rule " + rule + ": expected ID=SEVERITY with ID one of "
                        + String.join(", ", LintRules.ids()));
            }
            try {
                configured = configured.severity(id, rule.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new ConvergeException(ErrorKind.USAGE, "--rule " + rule + ": " + e.getMessage());
            }
        }
        return configured;
    }
}
