package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;

/**
 * ObjectAlteration alters something any kind of object carries (its comment, its privileges), so it
 * names the object by reference only, and that reference is its target.
 */
public sealed interface ObjectAlteration extends Alteration permits SetComment, PrivilegeChange {
    /** The object whose comment or privileges change. */
    ObjectRef object();

    @Override
    default ObjectRef target() {
        return object();
    }
}
