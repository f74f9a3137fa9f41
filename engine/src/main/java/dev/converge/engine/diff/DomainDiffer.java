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
    private static final NamedObjects<Domain> DOMAINS = new NamedObjects<>(CreateDomain::new, DropDomain::new,
            Domain::ref, Domain::comment);

    void diff(ModelIndex from, ModelIndex to, List<Change> out) {
        DOMAINS.diff(from.domains(), to.domains(), DomainDiffer::alter, out);
    }

    private static NamedObjects.Outcome alter(Domain current, Domain desired, List<Change> out) {
        if (!current.alterableTo(desired)) {
            return DOMAINS.replace(current, desired, out);
        }
        if (current.notNull() != desired.notNull()
                || !Objects.equals(current.defaultExpression(), desired.defaultExpression())
                || !current.constraints().equals(desired.constraints())) {
            out.add(new AlterDomain(current, desired));
        }
        return NamedObjects.Outcome.IN_PLACE;
    }
}
