package dev.converge.engine.diff;

import dev.converge.engine.change.AlterExtension;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateExtension;
import dev.converge.engine.change.DropExtension;
import dev.converge.engine.model.Extension;
import java.util.List;

/**
 * ExtensionDiffer installs, updates (to another version or schema) and removes extensions. The
 * objects an extension installs are its own: they are never diffed one by one.
 */
final class ExtensionDiffer {
    private static final NamedObjects<Extension> EXTENSIONS = new NamedObjects<>(CreateExtension::new,
            DropExtension::new, Extension::ref, Extension::comment);

    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        EXTENSIONS.diff(from.extensions(), to.extensions(), ExtensionDiffer::update, out);
    }

    /** To another version or schema, in place. */
    private static NamedObjects.Outcome update(Extension current, Extension desired, List<Change> out) {
        if (!current.version().equals(desired.version()) || !current.schema().equals(desired.schema())) {
            out.add(new AlterExtension(current, desired));
        }
        return NamedObjects.Outcome.IN_PLACE;
    }
}
