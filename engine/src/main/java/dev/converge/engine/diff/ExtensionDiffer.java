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
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        for (Extension desired : to.extensions().values()) {
            Extension current = from.extensions().get(desired.name());
            if (current == null) {
                out.add(new CreateExtension(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
                continue;
            }
            if (!current.version().equals(desired.version()) || !current.schema().equals(desired.schema())) {
                out.add(new AlterExtension(current, desired));
            }
            Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
        }
        for (Extension current : from.extensions().values()) {
            if (!to.extensions().containsKey(current.name())) {
                out.add(new DropExtension(current));
            }
        }
    }
}
