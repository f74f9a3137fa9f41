package dev.converge.engine.model;

/**
 * RoutineKind tells a function from a procedure: they are created, replaced and dropped with different
 * words. EVENT is MySQL's scheduled stored program (CREATE/ALTER/DROP EVENT): a routine without
 * arguments that the server runs on a schedule; PostgreSQL has none.
 */
public enum RoutineKind {
    FUNCTION, PROCEDURE, EVENT;

    /** The SQL key word: {@code FUNCTION} or {@code PROCEDURE}. */
    public String keyword() {
        return name();
    }
}
