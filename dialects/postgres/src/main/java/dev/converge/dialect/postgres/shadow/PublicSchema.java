package dev.converge.dialect.postgres.shadow;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PublicSchema remembers whether a database had a {@code public} schema, its owner and its grants,
 * so that emptying a dev database can drop it and put back an identical, empty one. (Since
 * PostgreSQL 15 its owner is pg_database_owner and only the owner may CREATE in it; a plain
 * CREATE SCHEMA would silently change that.)
 *
 * @param existed whether {@code public} was there
 * @param owner   its owner's role name
 * @param grants  GRANT statements reproducing its ACL, sorted
 */
record PublicSchema(boolean existed, String owner, List<String> grants) {
    PublicSchema {
        grants = List.copyOf(grants);
    }

    static PublicSchema capture(Connection c) throws SQLException {
        String owner = null;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'")) {
            if (!rs.next()) {
                return new PublicSchema(false, null, List.of());
            }
            owner = rs.getString(1);
        }
        List<String> grants = new ArrayList<>();
        // A NULL ACL means the built-in default (owner only), which a new schema has anyway.
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE"
                     + " quote_ident(pg_get_userbyid(a.grantee)) END, a.privilege_type, a.is_grantable"
                     + " FROM pg_namespace n, aclexplode(n.nspacl) a WHERE n.nspname = 'public' ORDER BY 1, 2")) {
            while (rs.next()) {
                grants.add("GRANT " + rs.getString(2) + " ON SCHEMA public TO " + rs.getString(1)
                        + (rs.getBoolean(3) ? " WITH GRANT OPTION" : ""));
            }
        }
        return new PublicSchema(true, owner, grants);
    }

    /** Recreates {@code public} as it was, if it existed and is gone now. */
    void restore(Connection c) throws SQLException {
        if (!existed) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS public");
            st.execute("ALTER SCHEMA public OWNER TO " + quote(owner));
            for (String grant : grants) {
                st.execute(grant);
            }
        }
    }
}
