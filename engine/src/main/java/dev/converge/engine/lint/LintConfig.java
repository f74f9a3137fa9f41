package dev.converge.engine.lint;

import java.util.Map;

/**
 * LintConfig is the per-rule configuration: a severity per rule id (OFF turns a rule off) and the row
 * count above which a table counts as large.
 */
public record LintConfig(Map<String, Severity> severities, long largeTableRows) {
    public static final LintConfig DEFAULT = new LintConfig(Map.of(), 1_000_000);

    public LintConfig {
        severities = Map.copyOf(severities);
    }

    public Severity severity(LintRule rule) {
        return severities.getOrDefault(rule.id(), rule.defaultSeverity());
    }
}
