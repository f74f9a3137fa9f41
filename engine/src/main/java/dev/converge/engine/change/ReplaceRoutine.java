package dev.converge.engine.change;

import dev.converge.engine.model.Routine;

/** ReplaceRoutine changes a routine in place with CREATE OR REPLACE: same kind, arguments and result, new body or options. */
public record ReplaceRoutine(Routine from, Routine to) implements Transition {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitReplaceRoutine(this);
    }
}
