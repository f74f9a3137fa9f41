package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateCatalogObject;
import dev.converge.engine.change.DropCatalogObject;
import dev.converge.engine.model.CatalogObject;
import dev.converge.engine.model.ObjectRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * CatalogObjectDiffer creates, drops and replaces the {@link CatalogObject} kinds (aggregates, text
 * search objects, rules, casts, operators, statistics objects, publications...). None of them is
 * altered in place: a changed definition is dropped and created again. So is a kept one whose
 * dependency the plan drops or disturbs (an aggregate whose state function is dropped and created
 * again, a statistics object over a column whose type changes, a dictionary whose template is
 * replaced), until nothing more is added: PostgreSQL refuses those changes while it exists.
 */
final class CatalogObjectDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        Map<ObjectRef, CatalogObject> current = byRef(from.model().catalogObjects());
        Map<ObjectRef, CatalogObject> desired = byRef(to.model().catalogObjects());
        Set<ObjectRef> replace = replaced(current, desired, ViewDiffer.disturbedObjects(out));
        for (CatalogObject wanted : desired.values()) {
            CatalogObject now = current.get(wanted.ref());
            if (now == null) {
                out.add(new CreateCatalogObject(wanted));
            } else if (replace.contains(now.ref())) {
                out.add(new DropCatalogObject(now));
                out.add(new CreateCatalogObject(wanted));
            }
        }
        for (CatalogObject now : current.values()) {
            if (!desired.containsKey(now.ref())) {
                out.add(new DropCatalogObject(now));
            }
        }
    }

    private static Set<ObjectRef> replaced(Map<ObjectRef, CatalogObject> current, Map<ObjectRef, CatalogObject> desired,
                                           Set<ObjectRef> disturbed) {
        Set<ObjectRef> gone = new TreeSet<>(disturbed);
        current.keySet().stream().filter(ref -> !desired.containsKey(ref)).forEach(gone::add);
        Set<ObjectRef> replace = new TreeSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (CatalogObject now : current.values()) {
                CatalogObject wanted = desired.get(now.ref());
                if (wanted == null || replace.contains(now.ref())) {
                    continue;
                }
                if (!now.sameDefinitionAs(wanted) || now.dependsOn().stream().anyMatch(gone::contains)) {
                    replace.add(now.ref());
                    gone.add(now.ref());
                    grew = true;
                }
            }
        }
        return replace;
    }

    private static Map<ObjectRef, CatalogObject> byRef(List<CatalogObject> objects) {
        Map<ObjectRef, CatalogObject> map = new TreeMap<>();
        objects.forEach(o -> map.put(o.ref(), o));
        return map;
    }
}
