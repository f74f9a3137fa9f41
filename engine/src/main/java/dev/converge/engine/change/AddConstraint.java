package dev.converge.engine.change;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.TableConstraint;

/** AddConstraint adds a primary key, unique, check or exclusion constraint to an existing table. */
public record AddConstraint(QualifiedName table, TableConstraint constraint) implements Creation, ConstraintChange {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAddConstraint(this);
    }
}
