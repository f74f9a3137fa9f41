package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * UnmanagedObject is an object found in a database that Converge does not manage yet (a materialized
 * view, a domain, an extension...). It is never silently ignored: a plan lists it, and refuses to
 * run unless the user allows unmanaged objects explicitly.
 *
 * @param kind what it is, in words ({@code materialized view}, {@code extension})
 * @param name how to find it ({@code public.daily_totals}, {@code pgcrypto})
 */
public record UnmanagedObject(String kind, String name) implements Comparable<UnmanagedObject> {
    private static final Comparator<UnmanagedObject> ORDER =
            Comparator.comparing(UnmanagedObject::kind).thenComparing(UnmanagedObject::name);

    public UnmanagedObject {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
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
