package dev.converge.engine.model;

/**
 * Referable is an object of the model with a reference of its own (its kind and name), by which plans,
 * graphs and messages name it, and which a change that alters it takes as its target.
 */
public interface Referable {
    /** The object's kind and name. */
    ObjectRef ref();
}
