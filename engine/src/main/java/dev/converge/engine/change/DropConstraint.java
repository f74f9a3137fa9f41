package dev.converge.engine.change;

import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.TableConstraint;

/** DropConstraint drops a primary key, unique, check or exclusion constraint. */
public record DropConstraint(QualifiedName table, TableConstraint constraint) implements Change {
    @Override
    public ObjectRef target() {
        return ObjectRef.member(ObjectKind.CONSTRAINT, table, constraint.name());
    }

    @Override
    public Action action() {
        return Action.DROP;
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropConstraint(this);
    }
}
