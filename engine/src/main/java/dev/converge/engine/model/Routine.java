package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Routine is a function or a procedure, one per signature: overloads of a name are distinct routines.
 * Its definition is the complete {@code CREATE OR REPLACE} statement as the server prints it, so that
 * equal texts mean equal routines (body, language, volatility, SECURITY DEFINER, SET options).
 *
 * @param name      the schema and the routine's own name (without arguments)
 * @param signature the argument types that identify it among overloads ({@code integer, text})
 * @param arguments the full argument list with names, modes and defaults: when it changes, or the
 *                  result type or kind changes, {@code CREATE OR REPLACE} is refused and the routine
 *                  must be dropped and created again
 * @param result    the result type ({@code integer}, {@code SETOF public.orders}); null for a procedure
 * @param dependsOn the tables, views and routines the routine reads, from the catalog and from an SQL
 *                  body: the server checks them when the routine is created, so they come first
 * @param bodyReads what a procedural (PL/pgSQL) body names: tables, views, sequences and routines the
 *                  server resolves only when the body runs. They order the routine after them where
 *                  that closes no cycle, so that something that runs the routine during the apply
 *                  (a default filled in for existing rows, a materialized view) finds them; they never
 *                  force a drop.
 * @param comment   null when none
 */
public record Routine(QualifiedName name, String signature, RoutineKind kind, String arguments, String result,
                      String definition, List<ObjectRef> dependsOn,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ObjectRef> bodyReads, String comment)
        implements Referable {
    public Routine {
        requireNonNull(name, "name is null");
        requireNonNull(signature, "signature is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(definition, "definition is null");
        dependsOn = dependsOn == null ? List.of() : dependsOn.stream().sorted().distinct().toList();
        bodyReads = bodyReads == null ? List.of() : bodyReads.stream().sorted().distinct().toList();
    }

    /** A routine with no procedural body reads (an SQL or catalog-only routine). */
    public Routine(QualifiedName name, String signature, RoutineKind kind, String arguments, String result,
                   String definition, List<ObjectRef> dependsOn, String comment) {
        this(name, signature, kind, arguments, result, definition, dependsOn, List.of(), comment);
    }

    /** The routine's ref: a ROUTINE whose name carries the signature, {@code public.total(integer)}. */
    @Override
    public ObjectRef ref() {
        return refOf(name, signature);
    }

    public static ObjectRef refOf(QualifiedName name, String signature) {
        return ObjectRef.of(ObjectKind.ROUTINE, QualifiedName.of(name.schema(), name.name() + "(" + signature + ")"));
    }

    /** True when {@code CREATE OR REPLACE} can turn this routine into {@code other} in place. */
    public boolean replaceableBy(Routine other) {
        return kind == other.kind && arguments.equals(other.arguments) && java.util.Objects.equals(result, other.result);
    }

    /** The same routine with other dependencies (the inspector adds those it reads from the body). */
    public Routine withDependsOn(List<ObjectRef> refs) {
        return new Routine(name, signature, kind, arguments, result, definition, refs, bodyReads, comment);
    }

    /** The same routine with what its procedural body names (the inspector reads the body). */
    public Routine withBodyReads(List<ObjectRef> refs) {
        return new Routine(name, signature, kind, arguments, result, definition, dependsOn, refs, comment);
    }
}
