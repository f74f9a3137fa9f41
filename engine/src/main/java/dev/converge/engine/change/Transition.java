package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Referable;

/**
 * Transition alters an object from the state it is in ({@code from}) to the desired one ({@code to})
 * under the same reference, so the object as desired is its target.
 */
public sealed interface Transition extends Alteration permits AlterCompositeType, AlterDomain, AlterExtension,
        AlterSequence, ReplaceRoutine, SetRowSecurity, SetTriggerState {
    /** The object as it is. */
    Referable from();

    /** The object as desired. */
    Referable to();

    @Override
    default ObjectRef target() {
        return to().ref();
    }
}
