package dev.converge.engine.diff;

import dev.converge.engine.change.AlterDomain;
import dev.converge.engine.change.Change;
import dev.converge.engine.change.CreateDomain;
import dev.converge.engine.change.DropDomain;
import dev.converge.engine.model.Domain;
import java.util.List;
import java.util.Objects;

/**
 * DomainDiffer creates and drops domains, and changes their default, NOT NULL and checks in place
 * with ALTER DOMAIN. A domain whose base type or collation changes cannot be altered: it is dropped
 * and created again, which PostgreSQL refuses while a column still uses it.
 */
final class DomainDiffer {
    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        for (Domain desired : to.domains().values()) {
            Domain current = from.domains().get(desired.name());
            if (current == null) {
                out.add(new CreateDomain(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
            } else if (!current.alterableTo(desired)) {
                out.add(new DropDomain(current));
                out.add(new CreateDomain(desired));
                Comments.forNew(desired.ref(), desired.comment(), out);
            } else {
                if (current.notNull() != desired.notNull()
                        || !Objects.equals(current.defaultExpression(), desired.defaultExpression())
                        || !current.constraints().equals(desired.constraints())) {
                    out.add(new AlterDomain(current, desired));
                }
                Comments.diff(desired.ref(), current.comment(), desired.comment(), out);
            }
        }
        for (Domain current : from.domains().values()) {
            if (!to.domains().containsKey(current.name())) {
                out.add(new DropDomain(current));
            }
        }
    }
}
