package dev.converge.api;

/**
 * One thing a lint rule found, as {@code converge lint} reports it.
 *
 * @param rule       the rule's id ({@code no-primary-key}, {@code fk-without-index}...), as
 *                   {@link Converge#lint(Desired, java.util.Map)} takes it
 * @param severity   {@code error}, {@code warning} or {@code note} (SARIF's levels)
 * @param message    one sentence for people
 * @param objectKind the kind of the object ({@code table}, {@code column}, {@code foreign_key})
 * @param object     the object's schema-qualified name
 * @param step       the plan step the finding is about, 0 for a finding about the desired state
 * @param file       the desired file that declares the object, or null when unknown
 * @param line       its line in {@code file}, 0 when unknown
 */
public record LintFinding(String rule, String severity, String message, String objectKind, String object, int step,
                          String file, int line) {
}
