package dev.converge.engine.change;

/** ColumnChangeKind says which property of a column an {@link AlterColumn} changes. */
public enum ColumnChangeKind {
    TYPE, COLLATION, NOT_NULL, DEFAULT, IDENTITY
}
