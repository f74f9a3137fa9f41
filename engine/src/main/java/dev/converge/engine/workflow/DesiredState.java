package dev.converge.engine.workflow;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.SchemaModel;

/**
 * DesiredState is the desired schema after normalization, with a hash of where it came from (the
 * files' contents, or the model itself for a database) and a description for messages.
 */
public record DesiredState(SchemaModel model, String hash, String description) {
    public DesiredState {
        requireNonNull(model, "model is null");
        requireNonNull(hash, "hash is null");
        requireNonNull(description, "description is null");
    }
}
