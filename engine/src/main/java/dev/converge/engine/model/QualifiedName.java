package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * QualifiedName names an object inside a schema. Names are kept exactly as the server stores them
 * (case included); quoting is the SQL generator's job. Prints unquoted as {@code schema.name}.
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {
    private static final Comparator<QualifiedName> ORDER =
            Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    public QualifiedName {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
    }

    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(schema, name);
    }

    @Override
    public int compareTo(QualifiedName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
