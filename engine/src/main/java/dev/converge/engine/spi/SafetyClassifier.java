package dev.converge.engine.spi;

import dev.converge.engine.change.Change;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.safety.Classification;

/** SafetyClassifier says, for one change against the current schema, what it risks. */
public interface SafetyClassifier {
    Classification classify(Change change, SchemaModel current);
}
