package dev.converge.engine.model;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * Privilege is one privilege granted on one object to one role that the project manages
 * ({@code --managed-role}, {@code managed_roles:} in converge.yaml). Privileges of roles the project
 * does not manage, and the owner's own, are never read, so they are never compared nor revoked.
 *
 * @param object    what it is granted on: a table, view, materialized view, sequence, column, routine,
 *                  schema, enum, domain or composite type
 * @param grantee   the role's name, unquoted
 * @param privilege the privilege keyword as the server names it: SELECT, INSERT, UPDATE, DELETE,
 *                  TRUNCATE, REFERENCES, TRIGGER, EXECUTE, USAGE, CREATE, MAINTAIN
 * @param grantable granted WITH GRANT OPTION
 */
public record Privilege(ObjectRef object, String grantee, String privilege, boolean grantable)
        implements Comparable<Privilege> {
    private static final Comparator<Privilege> ORDER = Comparator.comparing(Privilege::object)
            .thenComparing(Privilege::grantee)
            .thenComparing(Privilege::privilege)
            .thenComparing(Privilege::grantable);

    public Privilege {
        requireNonNull(object, "object is null");
        requireNonNull(grantee, "grantee is null");
        requireNonNull(privilege, "privilege is null");
    }

    @Override
    public int compareTo(Privilege other) {
        return ORDER.compare(this, other);
    }
}
