package dev.converge.engine.spi;

import java.util.Set;

/**
 * InspectScope says which schemas an inspection covers: the listed ones, or, when the list is empty,
 * every schema that is not the server's own and not Converge's bookkeeping schema; and the roles
 * whose privileges it reads ({@code --managed-role}): none when the set is empty, since privileges
 * of roles a project does not manage are never compared.
 */
public record InspectScope(Set<String> schemas, Set<String> managedRoles) {
    /** The schema where Converge keeps its history; never inspected, never diffed. */
    public static final String BOOKKEEPING_SCHEMA = "converge";

    public static final InspectScope ALL = new InspectScope(Set.of());

    public InspectScope {
        schemas = Set.copyOf(schemas);
        managedRoles = managedRoles == null ? Set.of() : Set.copyOf(managedRoles);
    }

    /** The schemas given, no managed role. */
    public InspectScope(Set<String> schemas) {
        this(schemas, Set.of());
    }

    /** This scope, also reading the privileges of {@code roles}. */
    public InspectScope withManagedRoles(Set<String> roles) {
        return new InspectScope(schemas, roles);
    }

    public boolean includes(String schema) {
        return !schema.equals(BOOKKEEPING_SCHEMA) && (schemas.isEmpty() || schemas.contains(schema));
    }
}
