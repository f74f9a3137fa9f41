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
    private static final NamedObjects<Collation> COLLATIONS = new NamedObjects<>(CreateCollation::new,
            DropCollation::new, Collation::ref, Collation::comment);

    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        COLLATIONS.diff(byName(from.model().collations()), byName(to.model().collations()),
                (now, wanted, steps) -> now.sameDefinitionAs(wanted) ? NamedObjects.Outcome.IN_PLACE
                        : COLLATIONS.replace(now, wanted, steps), out);
    }

    private static Map<QualifiedName, Collation> byName(List<Collation> collations) {
        Map<QualifiedName, Collation> map = new TreeMap<>();
        collations.forEach(c -> map.put(c.name(), c));
        return map;
    }
}
