package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Trigger is a trigger on a table, with its definition as the server prints it
 * ({@code CREATE TRIGGER ... EXECUTE FUNCTION s.f()}) and its enable state.
 *
 * @param function the routine it executes (a ROUTINE ref), so that it is created after it and
 *                 recreated when the routine is
 * @param enabled  when it fires (enabled, disabled, for replicas only, always)
 * @param comment  null when none
 * @param dependsOn other objects the trigger needs besides its table and function: in MySQL, the trigger
 *                  it FOLLOWS (so it is created after it, and recreated when that one is); left out of
 *                  the canonical JSON when empty
 * @param writtenAs the CREATE statement as it was written, where the server keeps that text apart from
 *                  the parts it is compared by (MySQL: SHOW CREATE TRIGGER and dumps print it): the
 *                  trigger is created from it, so the server shows what the team wrote. Never compared.
 *                  Null where the definition is what the server prints (PostgreSQL)
 */
public record Trigger(QualifiedName table, String name, String definition, TriggerState enabled, ObjectRef function,
                      String comment, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ObjectRef> dependsOn,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String writtenAs) implements Referable {
    public Trigger {
        requireNonNull(table, "table is null");
        requireNonNull(name, "name is null");
        requireNonNull(definition, "definition is null");
        requireNonNull(enabled, "enabled is null");
        dependsOn = dependsOn == null ? List.of() : dependsOn.stream().sorted().distinct().toList();
    }

    /** A trigger that needs nothing but its table and function (every PostgreSQL trigger). */
    public Trigger(QualifiedName table, String name, String definition, TriggerState enabled, ObjectRef function,
                   String comment) {
        this(table, name, definition, enabled, function, comment, List.of(), null);
    }

    /** The statement that creates the trigger: as written where the server keeps that, else its definition. */
    public String createStatement() {
        return writtenAs != null ? writtenAs : definition;
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.member(ObjectKind.TRIGGER, table, name);
    }
}
