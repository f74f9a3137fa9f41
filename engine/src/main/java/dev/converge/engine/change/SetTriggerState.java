package dev.converge.engine.change;

import dev.converge.engine.model.Trigger;

/** SetTriggerState enables or disables a trigger whose definition is unchanged. */
public record SetTriggerState(Trigger from, Trigger to) implements Transition {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitSetTriggerState(this);
    }
}
