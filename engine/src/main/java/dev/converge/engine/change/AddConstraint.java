package dev.converge.engine.change;

import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.TableConstraint;

/** AddConstraint adds a primary key, unique, check or exclusion constraint to an existing table. */
public record AddConstraint(QualifiedName table, TableConstraint constraint) implements Change {
    @Override
    public ObjectRef target() {
        return ObjectRef.member(ObjectKind.CONSTRAINT, table, constraint.name());
    }

    @Override
    public Action action() {
        return Action.CREATE;
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAddConstraint(this);
    }
}
