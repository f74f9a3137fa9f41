package dev.converge.engine.change;

/**
 * ColumnChangeKind says which property of a column an {@link AlterColumn} changes. IDENTITY is the
 * identity kind (none, ALWAYS, BY DEFAULT); IDENTITY_OPTIONS the options of the identity sequence of
 * a column that is an identity on both sides. POSITION moves the column (dialects that place columns:
 * MySQL's {@code AFTER}/{@code FIRST}), to where {@link AlterColumn#after()} says. SETTINGS changes the
 * column's physical settings ({@link dev.converge.engine.model.ColumnSettings}: storage, statistics target).
 */
public enum ColumnChangeKind {
    TYPE, COLLATION, NOT_NULL, DEFAULT, IDENTITY, IDENTITY_OPTIONS, POSITION, SETTINGS
}
