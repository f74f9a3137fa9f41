package dev.converge.engine.model;

/** RoutineKind tells a function from a procedure: they are created, replaced and dropped with different words. */
public enum RoutineKind {
    FUNCTION, PROCEDURE;

    /** The SQL key word: {@code FUNCTION} or {@code PROCEDURE}. */
    public String keyword() {
        return name();
    }
}
