package dev.converge.engine.change;

import dev.converge.engine.model.Extension;

/** AlterExtension updates an extension to another version. */
public record AlterExtension(Extension from, Extension to) implements Transition {
    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitAlterExtension(this);
    }
}
