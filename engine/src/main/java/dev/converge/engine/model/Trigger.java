package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

/**
 * Trigger is a trigger on a table, with its definition as the server prints it
 * ({@code CREATE TRIGGER ... EXECUTE FUNCTION s.f()}) and its enable state.
 *
 * @param function the routine it executes (a ROUTINE ref), so that it is created after it and
 *                 recreated when the routine is
 * @param enabled  pg_trigger.tgenabled: O (enabled), D (disabled), R (replica only), A (always)
 * @param comment  null when none
 */
public record Trigger(QualifiedName table, String name, String definition, String enabled, ObjectRef function,
                      String comment) {
    public Trigger {
        requireNonNull(table, "table is null");
        requireNonNull(name, "name is null");
        requireNonNull(definition, "definition is null");
        requireNonNull(enabled, "enabled is null");
    }

    public ObjectRef ref() {
        return ObjectRef.member(ObjectKind.TRIGGER, table, name);
    }
}
