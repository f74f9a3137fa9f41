package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * ObjectRef identifies one schema object of any kind, for dependency edges, step ids and comments.
 * Top-level objects (tables, views, types, sequences, indexes) are named by {@code name}; a schema
 * by {@code name.schema()} with an empty name; an object that lives inside a table (column,
 * constraint, foreign key) by the table's name plus {@code member}.
 *
 * @param member the column or constraint name inside the table, or "" for a top-level object
 */
public record ObjectRef(ObjectKind kind, QualifiedName name, String member) implements Comparable<ObjectRef> {
    private static final Comparator<ObjectRef> ORDER = Comparator.comparing(ObjectRef::kind)
            .thenComparing(ObjectRef::name)
            .thenComparing(ObjectRef::member);

    public ObjectRef {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        member = member == null ? "" : member;
    }

    public static ObjectRef schema(String schema) {
        return new ObjectRef(ObjectKind.SCHEMA, new QualifiedName(schema, ""), "");
    }

    public static ObjectRef of(ObjectKind kind, QualifiedName name) {
        return new ObjectRef(kind, name, "");
    }

    public static ObjectRef member(ObjectKind kind, QualifiedName table, String member) {
        return new ObjectRef(kind, table, member);
    }

    /** The table (or top-level object) this ref belongs to: itself for a top-level object. */
    public ObjectRef owner() {
        if (member.isEmpty()) {
            return this;
        }
        return of(ObjectKind.TABLE, name);
    }

    /** Display form: {@code public.orders}, {@code public.orders.total}, {@code schema sales}. */
    public String display() {
        if (kind == ObjectKind.SCHEMA) {
            return name.schema();
        }
        if (name.schema().isEmpty()) {
            // an object of the database, not of a schema (a cast, a publication, an event trigger)
            return member.isEmpty() ? name.name() : name.name() + "." + member;
        }
        return member.isEmpty() ? name.toString() : name + "." + member;
    }

    @Override
    public int compareTo(ObjectRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return kind.word() + ":" + display();
    }
}
