package dev.converge.api;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.lint.LintConfig;
import dev.converge.engine.lint.LintRule;
import dev.converge.engine.lint.Linter;
import dev.converge.engine.lint.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@link Converge#lint(Desired, LintRules)} judges: a severity per rule ({@code --rule ID=SEVERITY})
 * on top of each rule's default, and from how many estimated rows a table counts as large
 * ({@code --large-table-rows}). Immutable; each setting returns a copy.
 */
public final class LintRules {
    /** Every rule at its default severity; tables are large from a million rows. */
    public static final LintRules DEFAULT = new LintRules(LintConfig.DEFAULT);

    private final LintConfig config;

    private LintRules(LintConfig config) {
        this.config = config;
    }

    /** The ids of the rules ({@code fk-without-index}, {@code no-primary-key}...), sorted. */
    public static List<String> ids() {
        return Linter.rules().stream().map(LintRule::id).sorted().toList();
    }

    /**
     * These rules with {@code rule} at {@code severity}: {@code error}, {@code warning}, {@code note} or
     * {@code off}, in any case. An unknown rule is a {@link ConvergeException} of kind USAGE naming the
     * rules; an unknown severity an {@link IllegalArgumentException} naming the severities.
     */
    public LintRules severity(String rule, String severity) {
        if (!ids().contains(rule)) {
            throw new ConvergeException(ErrorKind.USAGE, "lint rule '" + rule + "' does not exist; the rules are "
                    + String.join(", ", ids()));
        }
        Map<String, Severity> severities = new HashMap<>(config.severities());
        severities.put(rule, Severity.parse(severity));
        return new LintRules(new LintConfig(severities, config.largeTableRows()));
    }

    /** These rules with tables counted as large from {@code rows} estimated rows. */
    public LintRules largeTablesFrom(long rows) {
        return new LintRules(new LintConfig(config.severities(), rows));
    }

    LintConfig config() {
        return config;
    }
}
