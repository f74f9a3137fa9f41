package dev.converge.engine.change;

import java.util.List;

/** PrivilegeChange grants privileges on one object to one managed role, or takes them away. */
public sealed interface PrivilegeChange extends ObjectAlteration permits GrantPrivileges, RevokePrivileges {
    /** The managed role that gains or loses the privileges. */
    String grantee();

    /** The privilege keywords (SELECT, USAGE...), sorted and each once. */
    List<String> privileges();

    /**
     * The privileges in the order a plan shows them: sorted and each once, so that the same grant
     * read from a catalog or from a file makes the same change.
     */
    static List<String> normalized(List<String> privileges) {
        return privileges.stream().sorted().distinct().toList();
    }
}
