package dev.converge.api;

import dev.converge.engine.lint.Finding;
import dev.converge.engine.lint.LintConfig;
import dev.converge.engine.lint.LintReports;
import dev.converge.engine.lint.Severity;
import java.util.List;

/**
 * The findings of {@link Converge#lint}: each as a {@link LintFinding}, and the whole as the CLI's
 * text, JSON, or SARIF 2.1.0 (for code scanning). {@link #hasErrors()} is what makes {@code converge
 * lint} exit 1.
 */
public final class LintReport {
    private final List<Finding> findings;
    private final LintConfig config;
    private final String desiredRoot;
    private final String desiredState;

    LintReport(List<Finding> findings, LintConfig config, String desiredRoot, String desiredState) {
        this.findings = List.copyOf(findings);
        this.config = config;
        this.desiredRoot = desiredRoot;
        this.desiredState = desiredState;
    }

    /** The desired state linted, as messages name it (its location and hash). */
    public String desiredState() {
        return desiredState;
    }

    public List<LintFinding> findings() {
        return findings.stream().map(f -> new LintFinding(f.ruleId(), f.severity().sarifLevel(), f.message(),
                f.objectKind(), f.object(), f.step(), f.file(), f.line())).toList();
    }

    /** True when a finding has the severity {@code error}. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The findings as {@code converge lint} prints them. */
    public String text() {
        return LintReports.text(findings);
    }

    public String json() {
        return LintReports.json(findings);
    }

    /** SARIF 2.1.0, with file locations relative to the desired directory when it is one. */
    public String sarif() {
        return LintReports.sarif(findings, config, desiredRoot);
    }

    @Override
    public String toString() {
        return "LintReport" + findings();
    }
}
