package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.change.GrantPrivileges;
import dev.converge.engine.change.RevokePrivileges;
import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PrivilegeSql writes GRANT and REVOKE for one object and one role. A column privilege names its
 * column after each privilege ({@code GRANT SELECT ("email") ON TABLE ...}); views and materialized
 * views take {@code ON TABLE}, domains and composite types {@code ON TYPE}, every routine {@code ON ROUTINE}.
 */
final class PrivilegeSql {
    private PrivilegeSql() {
    }

    static String grant(GrantPrivileges change) {
        return "GRANT " + privileges(change.object(), change.privileges()) + " ON " + target(change.object())
                + " TO " + quote(change.grantee()) + (change.withGrantOption() ? " WITH GRANT OPTION" : "");
    }

    static String revoke(RevokePrivileges change) {
        return "REVOKE " + (change.grantOptionOnly() ? "GRANT OPTION FOR " : "")
                + privileges(change.object(), change.privileges()) + " ON " + target(change.object())
                + " FROM " + quote(change.grantee());
    }

    private static String privileges(ObjectRef object, List<String> privileges) {
        String column = object.kind() == ObjectKind.COLUMN ? " (" + quote(object.member()) + ")" : "";
        return privileges.stream().map(p -> p + column).collect(Collectors.joining(", "));
    }

    private static String target(ObjectRef object) {
        switch (object.kind()) {
            case TABLE:
            case VIEW:
            case MATERIALIZED_VIEW:
            case COLUMN:
                return "TABLE " + quote(object.name());
            case SEQUENCE:
                return "SEQUENCE " + quote(object.name());
            case ROUTINE:
                return "ROUTINE " + RoutineSql.signature(object);
            case SCHEMA:
                return "SCHEMA " + quote(object.name().schema());
            case ENUM:
            case DOMAIN:
            case COMPOSITE_TYPE:
                return "TYPE " + quote(object.name());
            default:
                throw new IllegalArgumentException("no privileges on " + object);
        }
    }
}
