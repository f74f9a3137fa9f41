package dev.converge.grammar.source;

/** StatementKind is what a statement does, as far as loading order and the source model care. */
public enum StatementKind {
    CREATE_SCHEMA, CREATE_TABLE, CREATE_INDEX, CREATE_SEQUENCE, CREATE_TYPE, CREATE_DOMAIN, CREATE_VIEW,
    CREATE_MATERIALIZED_VIEW, CREATE_FUNCTION, CREATE_TRIGGER, CREATE_EVENT, CREATE_POLICY, CREATE_EXTENSION, ALTER_TABLE,
    ALTER_SEQUENCE, COMMENT, GRANT, DROP, SET, OTHER_CREATE, OTHER_ALTER, OTHER,
    /** A statement with a syntax error: nothing is known of it. */
    INVALID
}
