package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Policy is a row-level security policy on a table.
 *
 * @param command   ALL, SELECT, INSERT, UPDATE or DELETE
 * @param roles     the roles it applies to, as SQL ({@code PUBLIC} or quoted names), sorted
 * @param using     the USING expression, or null
 * @param withCheck the WITH CHECK expression, or null
 * @param dependsOn what its expressions read besides its own table (other tables, routines)
 * @param comment   null when none
 */
public record Policy(QualifiedName table, String name, boolean permissive, String command, List<String> roles,
                     String using, String withCheck, List<ObjectRef> dependsOn, String comment) implements Referable {
    public Policy {
        requireNonNull(table, "table is null");
        requireNonNull(name, "name is null");
        requireNonNull(command, "command is null");
        roles = roles == null ? List.of() : roles.stream().sorted().toList();
        dependsOn = dependsOn == null ? List.of() : dependsOn.stream().sorted().distinct().toList();
    }

    @Override
    public ObjectRef ref() {
        return ObjectRef.member(ObjectKind.POLICY, table, name);
    }

    /** Equal but for the comment: the same policy as far as CREATE POLICY is concerned. */
    public boolean sameRuleAs(Policy other) {
        return permissive == other.permissive && command.equals(other.command) && roles.equals(other.roles)
                && java.util.Objects.equals(using, other.using) && java.util.Objects.equals(withCheck, other.withCheck);
    }
}
