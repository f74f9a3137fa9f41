package dev.converge.engine.workflow;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.model.NamedSchema;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.spi.InspectScope;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * KnownSchemas refuses a {@code --schema} that names a schema found neither in the target nor in the
 * desired files: a typo must not read as "No changes", as if the schema were in sync.
 */
public final class KnownSchemas {
    private KnownSchemas() {
    }

    /**
     * A USAGE error naming the schemas the target has, when a scoped schema is in none of {@code models}
     * (the target's and the desired state's, both inspected within the scope).
     */
    public static void require(InspectScope scope, Target target, SchemaModel... models) {
        Set<String> found = new TreeSet<>();
        for (SchemaModel model : models) {
            model.schemas().stream().map(NamedSchema::name).forEach(found::add);
            model.tables().forEach(t -> found.add(t.name().schema()));
        }
        Set<String> unknown = new TreeSet<>(scope.schemas());
        unknown.removeAll(found);
        if (unknown.isEmpty()) {
            return;
        }
        // Only on this error path: the whole target is read to name the schemas that do exist.
        String existing = target.inspect(InspectScope.ALL).schemas().stream().map(NamedSchema::name)
                .filter(name -> !name.equals(InspectScope.BOOKKEEPING_SCHEMA)).sorted().collect(Collectors.joining(", "));
        String names = unknown.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
        throw new ConvergeException(ErrorKind.USAGE, "--schema " + names + ": no such schema in " + target.url().display()
                + (models.length > 1 ? " nor in the desired files" : "")
                + "; the target has: " + (existing.isEmpty() ? "no schema" : existing)
                + ". Check the spelling, or create the schema in the desired files.");
    }
}
