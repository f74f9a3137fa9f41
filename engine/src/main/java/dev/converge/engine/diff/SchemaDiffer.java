package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateSchema;
import dev.converge.engine.change.DropSchema;
import dev.converge.engine.model.NamedSchema;
import java.util.List;

/** SchemaDiffer creates and drops schemas and keeps their comments. */
final class SchemaDiffer {
    private static final NamedObjects<NamedSchema> SCHEMAS = new NamedObjects<>(CreateSchema::new, DropSchema::new,
            NamedSchema::ref, NamedSchema::comment);

    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        SCHEMAS.diff(from.schemas(), to.schemas(), NamedObjects::inPlace, out);
    }
}
