package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * CatalogObject is an object the server defines whole in one statement (or a statement and a few
 * ALTERs that complete it) and that Converge changes only by dropping it and creating it again:
 * aggregates, text search parsers, templates, dictionaries and configurations, rules, casts,
 * operators, operator families and classes, event triggers, statistics objects, publications.
 * These kinds have no part worth altering in place (PostgreSQL's own ALTERs on them rename, change
 * the owner, or add what the definition lists anyway), so one record serves them all: equal
 * definitions mean equal objects.
 *
 * <p>The dialect writes the definition (the statements that create it, in the server's canonical
 * form, so that the desired side and the target compare equal once both went through the server)
 * and the identity (how its DROP statement names it); the engine only compares, orders and shows
 * them. Its comment is one of its statements ({@code COMMENT ON ...}): a changed comment replaces it.
 *
 * @param ref        its kind and name: a schema's object by schema and name (an aggregate's name
 *                   carries its argument types, as a routine's does), a rule as a member of its table,
 *                   an object of the whole database (cast, event trigger, publication) with an empty
 *                   schema
 * @param identity   how statements name it, written by the dialect ({@code public.total(integer)},
 *                   {@code r ON public.t}, {@code (integer AS public.money)})
 * @param definition the statements that create it
 * @param dependsOn  what must exist before it is created, and what cannot go while it exists
 */
public record CatalogObject(ObjectRef ref, String identity, List<String> definition, List<ObjectRef> dependsOn) {
    public CatalogObject {
        requireNonNull(ref, "ref is null");
        requireNonNull(identity, "identity is null");
        definition = List.copyOf(definition);
        dependsOn = dependsOn == null ? List.of() : dependsOn.stream().filter(d -> !d.equals(ref)).sorted().distinct().toList();
    }

    public ObjectKind kind() {
        return ref.kind();
    }

    /** Equal definitions: nothing to drop and create again. */
    public boolean sameDefinitionAs(CatalogObject other) {
        return definition.equals(other.definition);
    }
}
