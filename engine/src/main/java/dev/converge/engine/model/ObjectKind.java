package dev.converge.engine.model;

/** ObjectKind lists the kinds of schema object Converge manages; the name is used in step ids. */
public enum ObjectKind {
    SCHEMA, ENUM, SEQUENCE, TABLE, COLUMN, CONSTRAINT, FOREIGN_KEY, INDEX, VIEW, ROUTINE, TRIGGER, POLICY, DOMAIN, COMPOSITE_TYPE, EXTENSION, MATERIALIZED_VIEW, COLLATION,
    // kinds kept as a CatalogObject: defined by one or a few statements, changed by drop and create
    AGGREGATE, TEXT_SEARCH_PARSER, TEXT_SEARCH_TEMPLATE, TEXT_SEARCH_DICTIONARY, TEXT_SEARCH_CONFIGURATION, RULE,
    CAST, OPERATOR, OPERATOR_FAMILY, OPERATOR_CLASS, EVENT_TRIGGER, STATISTICS, PUBLICATION;

    /** The lower-case word used in step ids and plan output ("foreign_key"). */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
