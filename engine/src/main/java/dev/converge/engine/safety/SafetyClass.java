package dev.converge.engine.safety;

import java.util.Locale;

/**
 * SafetyClass is the reviewer's first question about a step. A step can be several at once: dropping
 * a column is destructive and locking.
 */
public enum SafetyClass {
    /** Adds something; existing data and queries are untouched. */
    ADDITIVE("adds something; existing data and queries are untouched (also a step with no hazard, such as a"
            + " comment)"),
    /** Loses data: drops a table or column, or narrows a type. */
    DESTRUCTIVE("loses data: drops a table, column or sequence (its current value), or narrows a type;"
            + " apply refuses it without an allowance"),
    /** Rewrites a table or blocks reads or writes on it while it runs. */
    LOCKING("rewrites a table, scans it, builds an index on it, or blocks reads or writes on it while it runs;"
            + " allowed with a warning unless --max-lock says otherwise");

    private final String meaning;

    SafetyClass(String meaning) {
        this.meaning = meaning;
    }

    /** The class as a plan names it: destructive, locking, additive. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One sentence for the hazard reference. */
    public String meaning() {
        return meaning;
    }
}
