package dev.converge.engine.spi;

import java.util.Set;

/**
 * InspectScope says which schemas an inspection covers: the listed ones, or, when the list is empty,
 * every schema that is not the server's own and not Converge's bookkeeping schema.
 */
public record InspectScope(Set<String> schemas) {
    /** The schema where Converge keeps its history; never inspected, never diffed. */
    public static final String BOOKKEEPING_SCHEMA = "converge";

    public static final InspectScope ALL = new InspectScope(Set.of());

    public InspectScope {
        schemas = Set.copyOf(schemas);
    }

    public boolean includes(String schema) {
        return !schema.equals(BOOKKEEPING_SCHEMA) && (schemas.isEmpty() || schemas.contains(schema));
    }
}
