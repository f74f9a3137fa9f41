package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * UnmanagedObject is an object found in a database that Converge does not manage yet (a materialized
 * view, a domain, an extension...). It is never silently ignored: a plan lists it, and refuses to
 * run unless the user allows unmanaged objects explicitly.
 *
 * @param kind     what it is, in words ({@code materialized view}, {@code extension})
 * @param name     how to find it ({@code public.daily_totals}, {@code pgcrypto})
 * @param neededBy the managed objects that depend on it (a view over a foreign table, a column of a
 *                 range type): a plan that creates one of them where the object is missing is refused
 */
public record UnmanagedObject(String kind, String name,
                              @com.fasterxml.jackson.annotation.JsonInclude(
                                      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                              java.util.List<ObjectRef> neededBy) implements Comparable<UnmanagedObject> {
    private static final Comparator<UnmanagedObject> ORDER =
            Comparator.comparing(UnmanagedObject::kind).thenComparing(UnmanagedObject::name);

    public UnmanagedObject {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        neededBy = neededBy == null ? java.util.List.of() : neededBy.stream().sorted().distinct().toList();
    }

    /** An object nothing managed depends on (as far as the catalog says). */
    public UnmanagedObject(String kind, String name) {
        this(kind, name, java.util.List.of());
    }

    /** The same object, whatever depends on it: what tells one side's object from the other's. */
    public boolean sameObjectAs(UnmanagedObject other) {
        return kind.equals(other.kind) && name.equals(other.name);
    }

    /**
     * The schema-qualified name ignore rules are matched against: the object itself, or for a rule or
     * trigger the table it is on; empty when the display name has no schema.
     */
    public java.util.Optional<QualifiedName> objectName() {
        String text = name;
        int on = text.lastIndexOf(" on ");
        if (on >= 0) {
            text = text.substring(on + 4);
        }
        int args = text.indexOf('(');
        if (args >= 0) {
            text = text.substring(0, args);
        }
        int dot = text.indexOf('.');
        if (dot <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(QualifiedName.of(unquote(text.substring(0, dot)), unquote(text.substring(dot + 1))));
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("\"") && identifier.endsWith("\"") && identifier.length() >= 2
                ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"") : identifier;
    }

    @Override
    public int compareTo(UnmanagedObject other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
