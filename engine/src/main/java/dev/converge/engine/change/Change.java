package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;

/**
 * Change is one difference between the current and the desired schema, as one record per kind,
 * grouped in the families {@link Creation}, {@link Alteration} and {@link Removal} (which fix the
 * action); {@link Transition}, {@link TableAlteration}, {@link ObjectAlteration}, {@link ColumnChange}
 * and {@link ConstraintChange} fix the target of the kinds that share one shape.
 * The hierarchy is sealed and dispatched with {@link ChangeVisitor}, so adding a kind breaks every
 * dialect at compile time instead of at run time.
 */
public sealed interface Change permits Creation, Alteration, Removal, ColumnChange, ConstraintChange {
    /** The object this change creates, alters or drops. */
    ObjectRef target();

    Action action();

    <R> R accept(ChangeVisitor<R> visitor);
}
