package dev.converge.dialect.postgres.live;

import dev.converge.engine.change.GrantPrivileges;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.plan.Plan;
import dev.converge.engine.plan.PlanStep;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * GranteeRoles refuses a plan that grants to a role the target's server does not have: Converge
 * never creates roles (they are cluster-wide, often with passwords and memberships managed
 * elsewhere), and a GRANT to a missing role would only fail in the middle of the apply.
 */
final class GranteeRoles {
    private GranteeRoles() {
    }

    /** @throws ConvergeException (bad input) naming every missing role and what would be granted to it */
    static void requireExisting(Plan plan, Connection target) throws SQLException {
        Map<String, TreeSet<String>> objectsByRole = new TreeMap<>();
        for (PlanStep step : plan.steps()) {
            if (step.change() instanceof GrantPrivileges grant) {
                objectsByRole.computeIfAbsent(grant.grantee(), r -> new TreeSet<>()).add(grant.object().display());
            }
        }
        if (objectsByRole.isEmpty()) {
            return;
        }
        TreeSet<String> missing = new TreeSet<>(objectsByRole.keySet());
        Array names = target.createArrayOf("text", missing.toArray(new String[0]));
        try (PreparedStatement st = target.prepareStatement(
                "SELECT rolname::text FROM pg_catalog.pg_roles WHERE rolname = ANY (?)")) {
            st.setArray(1, names);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    missing.remove(rs.getString(1));
                }
            }
        } finally {
            names.free();
        }
        if (!missing.isEmpty()) {
            StringBuilder message = new StringBuilder("the desired state grants privileges to roles that do not exist"
                    + " on " + plan.target() + ":");
            missing.forEach(role -> message.append("\n  ").append(role).append(" (on ")
                    .append(String.join(", ", objectsByRole.get(role))).append(')'));
            message.append("\nConverge does not create roles: create them on the server first, or remove the grants");
            throw new ConvergeException(ErrorKind.BAD_INPUT, message.toString());
        }
    }
}
