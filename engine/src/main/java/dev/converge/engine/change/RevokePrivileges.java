package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import java.util.List;

/**
 * RevokePrivileges takes privileges on one object away from one managed role; with
 * {@code grantOptionOnly} it only takes away the right to grant them on ({@code REVOKE GRANT OPTION FOR}).
 *
 * @param privileges sorted privilege keywords (SELECT, USAGE...)
 */
public record RevokePrivileges(ObjectRef object, String grantee, List<String> privileges, boolean grantOptionOnly)
        implements PrivilegeChange {
    public RevokePrivileges {
        privileges = PrivilegeChange.normalized(privileges);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitRevokePrivileges(this);
    }
}
