package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateSchema;
import dev.converge.engine.change.DropSchema;
import dev.converge.engine.model.NamedSchema;
import java.util.List;

/** SchemaDiffer creates and drops schemas and keeps their comments. */
final class SchemaDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        for (NamedSchema desired : to.schemas().values()) {
            NamedSchema current = from.schemas().get(desired.name());
            if (current == null) {
                out.add(new CreateSchema(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
            } else {
                Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
            }
        }
        for (NamedSchema current : from.schemas().values()) {
            if (!to.schemas().containsKey(current.name())) {
                out.add(new DropSchema(current));
            }
        }
    }
}
