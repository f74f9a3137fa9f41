package dev.converge.grammar.source;

/**
 * NameSpace is where PostgreSQL looks a name up: tables, views, sequences and indexes share one
 * namespace per schema (pg_class), types another (pg_type, where every table also has its row
 * type), functions a third. Triggers, policies, columns and constraints are named inside a table.
 * MySQL names its indexes inside their table too, and events in a namespace of their own.
 */
public enum NameSpace {
    SCHEMA, RELATION, TYPE, FUNCTION, EXTENSION, TRIGGER, POLICY, COLUMN, CONSTRAINT, ENUM_LABEL, INDEX, EVENT
}
