package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.model.Policy;
import dev.converge.engine.model.RowSecurity;
import java.util.ArrayList;
import java.util.List;

/** PolicySql writes row-level security: the table switches and the policies. */
final class PolicySql {
    private PolicySql() {
    }

    /**
     * {@code CREATE POLICY p ON t AS PERMISSIVE FOR cmd TO roles USING (...) WITH CHECK (...)}; the
     * roles are already SQL (PUBLIC or quoted names) and the expressions are the server's own text.
     */
    static String create(Policy policy) {
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(quote(policy.name()))
                .append(" ON ").append(quote(policy.table()))
                .append(" AS ").append(policy.permissive() ? "PERMISSIVE" : "RESTRICTIVE")
                .append(" FOR ").append(policy.command());
        if (!policy.roles().isEmpty()) {
            sql.append(" TO ").append(String.join(", ", policy.roles()));
        }
        if (policy.using() != null) {
            sql.append(" USING (").append(policy.using()).append(')');
        }
        if (policy.withCheck() != null) {
            sql.append(" WITH CHECK (").append(policy.withCheck()).append(')');
        }
        return sql.toString();
    }

    static String drop(Policy policy) {
        return "DROP POLICY " + quote(policy.name()) + " ON " + quote(policy.table());
    }

    /** One ALTER TABLE per switch that differs. */
    static List<String> rowSecurity(RowSecurity from, RowSecurity to) {
        List<String> sql = new ArrayList<>();
        String table = "ALTER TABLE " + quote(to.table());
        if (from.enabled() != to.enabled()) {
            sql.add(table + (to.enabled() ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY");
        }
        if (from.forced() != to.forced()) {
            sql.add(table + (to.forced() ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY");
        }
        return sql;
    }
}
