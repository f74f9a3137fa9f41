package dev.converge.engine.change;

import dev.converge.engine.model.ObjectRef;
import java.util.List;

/**
 * GrantPrivileges grants privileges on one object to one managed role, WITH GRANT OPTION when
 * {@code withGrantOption} (which also adds the option to a privilege already held without it).
 *
 * @param privileges sorted privilege keywords (SELECT, USAGE...)
 */
public record GrantPrivileges(ObjectRef object, String grantee, List<String> privileges, boolean withGrantOption)
        implements PrivilegeChange {
    public GrantPrivileges {
        privileges = PrivilegeChange.normalized(privileges);
    }

    @Override
    public <R> R accept(ChangeVisitor<R> visitor) {
        return visitor.visitGrantPrivileges(this);
    }
}
