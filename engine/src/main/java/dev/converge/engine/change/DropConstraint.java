package dev.converge.engine.change;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.TableConstraint;

/** DropConstraint drops a primary key, unique, check or exclusion constraint. */
public record DropConstraint(QualifiedName table, TableConstraint constraint) implements Removal, ConstraintChange {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitDropConstraint(this);
    }
}
