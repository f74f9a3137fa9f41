package dev.converge.engine.lint;

import static java.util.Objects.requireNonNull;

/**
 * Finding is one thing a lint rule found: the rule, its severity (after configuration), a sentence,
 * and the object it is about ({@code table public.orders}, {@code column public.orders.placed_at}).
 *
 * @param objectKind the kind word of the object ({@code table}, {@code column}, {@code foreign_key})
 * @param object     the object's display name, schema-qualified
 * @param step       the plan step number for findings about a step, 0 for findings about the desired state
 * @param file       the desired-state file that declares the object, or null when unknown
 * @param line       its line in {@code file}, 0 when unknown
 */
public record Finding(String ruleId, Severity severity, String message, String objectKind, String object, int step,
                      String file, int line) {
    public Finding {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(message, "message is null");
        requireNonNull(objectKind, "objectKind is null");
        requireNonNull(object, "object is null");
    }

    /** A finding without a place in the desired files. */
    public Finding(String ruleId, Severity severity, String message, String objectKind, String object, int step) {
        this(ruleId, severity, message, objectKind, object, step, null, 0);
    }
}
