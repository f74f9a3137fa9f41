package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Domain is a domain type: a base type with an optional default, NOT NULL and named check
 * constraints, all as the server prints them.
 *
 * @param baseType    the base type, schema-qualified when it is a user type
 * @param collation   null when the base type's default
 * @param defaultExpression null when none
 * @param constraints the CHECK constraints (kind CHECK, no columns), sorted by name
 * @param dependsOn   the user types it is based on and the routines its checks and default call
 * @param comment     null when none
 */
public record Domain(QualifiedName name, String baseType, String collation, boolean notNull, String defaultExpression,
                     List<TableConstraint> constraints, List<ObjectRef> dependsOn, String comment)
        implements Referable {
    public Domain {
        requireNonNull(name, "name is null");
        requireNonNull(baseType, "baseType is null");
        constraints = constraints == null ? List.of()
                : constraints.stream().sorted(Comparator.comparing(TableConstraint::name)).toList();
        dependsOn = dependsOn == null ? List.of() : dependsOn.stream().sorted().distinct().toList();
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.of(ObjectKind.DOMAIN, name);
    }

    /** True when ALTER DOMAIN can turn this domain into {@code other}: same base type and collation. */
    public boolean alterableTo(Domain other) {
        return baseType.equals(other.baseType) && Objects.equals(collation, other.collation);
    }
}
