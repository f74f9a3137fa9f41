package dev.converge.dialect.postgres.inspect;

import static dev.converge.dialect.postgres.inspect.CatalogSession.strings;

import dev.converge.engine.model.CatalogObject;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CatalogObjects reads the kinds kept as a {@link CatalogObject}: one query per kind (aggregates,
 * text search objects, rules, statistics objects, casts, operators, operator families and classes,
 * event triggers, publications),
 * each row carrying the object's catalog and oid, and one query for what all of them depend on,
 * joined here by that catalog and oid. The dependencies are read once, whatever the number of
 * objects, so the cost stays one query per kind.
 */
final class CatalogObjects {
    /** The queries of the kinds, in the order they are run (the model sorts the result anyway). */
    static final List<String> QUERIES = List.of("aggregates", "text_search", "rules", "statistics", "casts",
            "operators", "operator_families", "event_triggers", "publications");

    private CatalogObjects() {
    }

    static List<CatalogObject> read(CatalogSession session) throws SQLException {
        Map<String, List<ObjectRef>> dependencies = new HashMap<>();
        for (Dependency dependency : session.list("catalog_object_dependencies", row -> new Dependency(
                row.getString("class_name") + ":" + row.getLong("objid"),
                new ObjectRef(ObjectKind.valueOf(row.getString("ref_kind")),
                        QualifiedName.of(row.getString("ref_schema"), row.getString("ref_name")),
                        row.getString("ref_member"))))) {
            dependencies.computeIfAbsent(dependency.object(), k -> new ArrayList<>()).add(dependency.ref());
        }
        List<CatalogObject> objects = new ArrayList<>();
        for (String query : QUERIES) {
            objects.addAll(session.list(query, row -> new CatalogObject(
                    new ObjectRef(ObjectKind.valueOf(row.getString("kind")),
                            QualifiedName.of(row.getString("object_schema"), row.getString("object_name")),
                            row.getString("member")),
                    row.getString("identity"),
                    strings(row, "definition"),
                    dependencies.getOrDefault(row.getString("class_name") + ":" + row.getLong("objid"), List.of()))));
        }
        return objects;
    }

    private record Dependency(String object, ObjectRef ref) {
    }
}
