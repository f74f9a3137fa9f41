package dev.converge.engine.safety;

/**
 * SafetyClass is the reviewer's first question about a step. A step can be several at once: dropping
 * a column is destructive and locking.
 */
public enum SafetyClass {
    /** Adds something; existing data and queries are untouched. */
    ADDITIVE,
    /** Loses data: drops a table or column, or narrows a type. */
    DESTRUCTIVE,
    /** Rewrites a table or blocks reads or writes on it while it runs. */
    LOCKING
}
