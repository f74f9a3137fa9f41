package dev.converge.engine.model;

/** ObjectKind lists the kinds of schema object Converge manages; the name is used in step ids. */
public enum ObjectKind {
    SCHEMA, ENUM, SEQUENCE, TABLE, COLUMN, CONSTRAINT, FOREIGN_KEY, INDEX, VIEW, ROUTINE, TRIGGER, POLICY, DOMAIN, COMPOSITE_TYPE, EXTENSION, MATERIALIZED_VIEW, COLLATION;

    /** The lower-case word used in step ids and plan output ("foreign_key"). */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
