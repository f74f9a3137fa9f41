package dev.converge.engine.lint;

import static java.util.Objects.requireNonNull;

/**
 * LintRule describes one rule: a stable id, a short name, what it checks, and its default severity.
 * The checks themselves live in {@link Linter}, one method per rule.
 */
public record LintRule(String id, String name, String description, Severity defaultSeverity) {
    public LintRule {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(defaultSeverity, "defaultSeverity is null");
    }
}
