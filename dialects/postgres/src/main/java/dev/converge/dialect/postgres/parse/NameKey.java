package dev.converge.dialect.postgres.parse;

import dev.converge.grammar.source.NameSpace;
import dev.converge.grammar.source.SqlName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * NameKey is a name resolved the way PostgreSQL looks it up, for matching references to
 * declarations: a schema by its name; a table, view, sequence, index, type or function by schema
 * and name (an unqualified name takes the default schema); an object inside a table (column,
 * constraint, trigger, policy) or an enum label by its owner's key plus its own name.
 */
record NameKey(NameSpace space, List<String> parts) {
    private static final Set<NameSpace> MEMBERS = Set.of(NameSpace.COLUMN, NameSpace.CONSTRAINT, NameSpace.TRIGGER,
            NameSpace.POLICY, NameSpace.ENUM_LABEL);

    NameKey {
        parts = List.copyOf(parts);
    }

    static NameKey of(NameSpace space, SqlName name, String defaultSchema) {
        List<String> parts = name.parts();
        if (space == NameSpace.SCHEMA || space == NameSpace.EXTENSION) {
            return new NameKey(space, List.of(name.last()));
        }
        if (MEMBERS.contains(space)) {
            List<String> owner = qualify(parts.subList(0, parts.size() - 1), defaultSchema);
            List<String> key = new ArrayList<>(owner);
            key.add(name.last());
            return new NameKey(space, key);
        }
        return new NameKey(space, qualify(parts, defaultSchema));
    }

    /** The same name in another namespace (a table's row type is a type). */
    NameKey in(NameSpace other) {
        return new NameKey(other, parts);
    }

    String schema() {
        return parts.size() >= 2 ? parts.get(0) : null;
    }

    /** schema.name, as messages show it. */
    String display() {
        return String.join(".", parts);
    }

    private static List<String> qualify(List<String> parts, String defaultSchema) {
        if (parts.size() == 1) {
            return List.of(defaultSchema, parts.get(0));
        }
        // database.schema.name: the database part is the current database.
        return List.copyOf(parts.subList(parts.size() - 2, parts.size()));
    }
}
