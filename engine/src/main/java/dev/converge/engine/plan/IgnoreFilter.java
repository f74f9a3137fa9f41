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
 * dropped nor changed. A table goes with its indexes, foreign keys, triggers and policies; a schema with
 * its contents. Unmanaged objects the project ignores are taken out too, so they do not refuse a plan.
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
        SchemaModel kept = new SchemaModel(
                model.schemas().stream().filter(s -> !ignored.test(s.ref())).toList(),
                model.enums().stream().filter(e -> !ignored.test(e.ref())).toList(),
                model.sequences().stream().filter(s -> !ignored.test(s.ref())).toList(),
                model.tables().stream().filter(t -> !ignored.test(t.ref())).toList(),
                model.indexes().stream().filter(i -> !ignored.test(i.ref()) && !ignoredTable.test(i.table())).toList(),
                model.foreignKeys().stream().filter(k -> !ignoredTable.test(k.table())).toList(),
                model.views().stream().filter(v -> !ignored.test(v.ref())).toList(),
                // a routine matches by its name with or without its signature
                model.routines().stream().filter(r -> !ignored.test(r.ref())
                        && !ignored.test(ObjectRef.of(ObjectKind.ROUTINE, r.name()))).toList(),
                model.triggers().stream().filter(t -> !ignored.test(t.ref()) && !ignoredTable.test(t.table())).toList(),
                model.policies().stream().filter(p -> !ignored.test(p.ref()) && !ignoredTable.test(p.table())).toList(),
                model.rowSecurity().stream().filter(r -> !ignoredTable.test(r.table())).toList(),
                model.domains().stream().filter(d -> !ignored.test(d.ref())).toList(),
                model.compositeTypes().stream().filter(t -> !ignored.test(t.ref())).toList(),
                model.extensions().stream().filter(e -> !ignored.test(e.ref())).toList(),
                model.materializedViews().stream().filter(v -> !ignored.test(v.ref())).toList(),
                // an unmanaged object the project ignores explicitly is no reason to refuse the plan
                model.unmanaged().stream().filter(u -> u.objectName()
                        .map(name -> !ignoredTable.test(name) && !ignoredAnyKind(source, name)).orElse(true)).toList());
        // a privilege goes with the object it is on (a column's with its table)
        return kept.withPrivilegesAndCollations(
                model.privileges().stream().filter(p -> !ignored.test(p.object()) && !ignored.test(p.object().owner()))
                        .toList(),
                model.collations().stream().filter(c -> !ignored.test(c.ref())).toList())
                // a rule goes with its table
                .withCatalogObjects(model.catalogObjects().stream()
                        .filter(o -> !ignored.test(o.ref()) && !ignored.test(o.ref().owner())).toList());
    }

    /** An {@code -- converge:ignore} annotation on a statement of any kind that declares this name. */
    private static boolean ignoredAnyKind(SourceModel source, QualifiedName name) {
        return source.ignored().stream().anyMatch(ref -> ref.name().equals(name));
    }
}
