package dev.converge.engine.model;

/** ConstraintKind lists the table constraints that live with their table (foreign keys are separate). */
public enum ConstraintKind {
    PRIMARY_KEY, UNIQUE, CHECK, EXCLUDE
}
