package dev.converge.engine.change;

import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.TableConstraint;

/**
 * ConstraintChange adds a table's primary key, unique, check or exclusion constraint, or drops it, so
 * the constraint is its target.
 */
public sealed interface ConstraintChange extends Change permits AddConstraint, DropConstraint {
    /** The table the constraint belongs to. */
    QualifiedName table();

    TableConstraint constraint();

    @Override
    default ObjectRef target() {
        return ObjectRef.member(ObjectKind.CONSTRAINT, table(), constraint().name());
    }
}
