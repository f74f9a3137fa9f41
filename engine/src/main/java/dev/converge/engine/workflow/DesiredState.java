package dev.converge.engine.workflow;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.source.SourceModel;

/**
 * DesiredState is the desired schema after normalization, with a hash of where it came from (the
 * files' contents, or the model itself for a database) and a description for messages.
 */
public record DesiredState(SchemaModel model, String hash, String description, SourceModel source) {
    public DesiredState {
        requireNonNull(model, "model is null");
        requireNonNull(hash, "hash is null");
        requireNonNull(description, "description is null");
        requireNonNull(source, "source is null");
    }

    /** This desired state with {@code newModel} as its model (its hash, description and source kept). */
    public DesiredState withModel(SchemaModel newModel) {
        return new DesiredState(newModel, hash, description, source);
    }

    /** A desired state that no file declares (read from a database). */
    public DesiredState(SchemaModel model, String hash, String description) {
        this(model, hash, description, SourceModel.unparsed(java.util.List.of()));
    }
}
