package dev.converge.engine.model;

/** Identity says whether and how a column is an identity column (SQL standard). */
public enum Identity {
    NONE, ALWAYS, BY_DEFAULT;

    /** The SQL words after {@code GENERATED}: "ALWAYS" or "BY DEFAULT". */
    public String sql() {
        return this == BY_DEFAULT ? "BY DEFAULT" : name();
    }
}
