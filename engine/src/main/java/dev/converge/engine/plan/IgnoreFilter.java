package dev.converge.engine.plan;

import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.source.SourceModel;
import java.util.function.Predicate;

/**
 * IgnoreFilter takes the objects a project leaves to other tools ({@code -- converge:ignore}, ignore
 * patterns) out of a model, on both sides of the diff, so that they are neither created nor
 * dropped nor changed. A table goes with its indexes and foreign keys; a schema with its contents.
 */
final class IgnoreFilter {
    private IgnoreFilter() {
    }

    static SchemaModel without(SchemaModel model, SourceModel source) {
        if (source.ignored().isEmpty() && source.ignorePatterns().isEmpty()) {
            return model;
        }
        Predicate<ObjectRef> ignored = ref -> source.isIgnored(ref)
                || ref.kind() != ObjectKind.SCHEMA && source.isIgnored(ObjectRef.schema(ref.name().schema()));
        Predicate<QualifiedName> ignoredTable = name -> ignored.test(ObjectRef.of(ObjectKind.TABLE, name));
        return new SchemaModel(
                model.schemas().stream().filter(s -> !ignored.test(s.ref())).toList(),
                model.enums().stream().filter(e -> !ignored.test(e.ref())).toList(),
                model.sequences().stream().filter(s -> !ignored.test(s.ref())).toList(),
                model.tables().stream().filter(t -> !ignored.test(t.ref())).toList(),
                model.indexes().stream().filter(i -> !ignored.test(i.ref()) && !ignoredTable.test(i.table())).toList(),
                model.foreignKeys().stream().filter(k -> !ignoredTable.test(k.table())).toList(),
                model.views().stream().filter(v -> !ignored.test(v.ref())).toList());
    }
}
