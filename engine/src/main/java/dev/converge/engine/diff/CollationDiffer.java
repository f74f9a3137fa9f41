package dev.converge.engine.diff;

import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateCollation;
import dev.converge.engine.change.DropCollation;
import dev.converge.engine.model.Collation;
import dev.converge.engine.model.QualifiedName;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CollationDiffer creates and drops collation objects. PostgreSQL cannot change a collation's
 * provider, locale or flags in place, so a changed one is dropped and created again (which it refuses
 * while a column still uses it: such a plan fails at apply and rolls back).
 */
final class CollationDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        Map<QualifiedName, Collation> current = byName(from.model().collations());
        Map<QualifiedName, Collation> desired = byName(to.model().collations());
        for (Collation wanted : desired.values()) {
            Collation now = current.get(wanted.name());
            if (now == null) {
                out.add(new CreateCollation(wanted));
                Comments.forNew(wanted.ref(), wanted.comment(), out);
            } else if (!now.sameDefinitionAs(wanted)) {
                out.add(new DropCollation(now));
                out.add(new CreateCollation(wanted));
                Comments.forNew(wanted.ref(), wanted.comment(), out);
            } else {
                Comments.diff(wanted.ref(), now.comment(), wanted.comment(), out);
            }
        }
        for (Collation now : current.values()) {
            if (!desired.containsKey(now.name())) {
                out.add(new DropCollation(now));
            }
        }
    }

    private static Map<QualifiedName, Collation> byName(List<Collation> collations) {
        Map<QualifiedName, Collation> map = new TreeMap<>();
        collations.forEach(c -> map.put(c.name(), c));
        return map;
    }
}
