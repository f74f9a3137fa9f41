package dev.converge.dialect.postgres.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * TestRoles creates roles with unique names for one test (roles are cluster-wide, and other runs use
 * the same server at the same time) and drops them on close. Each role is known to the test by a
 * short placeholder ({@code reader}); {@link #substitute} writes the real names into SQL that says
 * {@code {{reader}}}.
 */
public final class TestRoles implements AutoCloseable {
    private final Map<String, String> names;
    private final boolean dropOnClose;

    private TestRoles(Map<String, String> names, boolean dropOnClose) {
        this.names = Map.copyOf(names);
        this.dropOnClose = dropOnClose;
    }

    /** Roles on the local server, dropped on close (after the databases that hold their grants are gone). */
    public static TestRoles onLocalServer(Collection<String> placeholders) {
        return create(placeholders, true, LocalPostgres::admin);
    }

    /**
     * Roles on a server of the test's own (an embedded PostgreSQL), left there: the server is thrown
     * away with them, and the databases holding their grants are not dropped before it.
     */
    public static TestRoles onOwnServer(Connection admin, Collection<String> placeholders) {
        return create(placeholders, false, () -> admin);
    }

    private interface Admin {
        Connection open() throws SQLException;
    }

    private static TestRoles create(Collection<String> placeholders, boolean drop, Admin admin) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Map<String, String> names = new LinkedHashMap<>();
        placeholders.forEach(p -> names.put(p, "cvt_" + p + "_" + suffix));
        if (names.isEmpty()) {
            return new TestRoles(names, false);
        }
        try {
            Connection c = admin.open();
            try (Statement st = c.createStatement()) {
                for (String role : names.values()) {
                    st.execute("CREATE ROLE \"" + role + "\" NOLOGIN");
                }
            } finally {
                if (drop) {
                    c.close();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test roles " + names.values(), e);
        }
        return new TestRoles(names, drop);
    }

    /** Placeholder to real role name. */
    public Map<String, String> names() {
        return names;
    }

    /** The real role name of {@code placeholder}. */
    public String name(String placeholder) {
        String name = names.get(placeholder);
        if (name == null) {
            throw new IllegalArgumentException("no test role " + placeholder + " among " + names.keySet());
        }
        return name;
    }

    /** {@code sql} with every {@code {{placeholder}}} replaced by its role's real name. */
    public String substitute(String sql) {
        String out = sql;
        for (Map.Entry<String, String> e : names.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return out;
    }

    @Override
    public void close() {
        if (!dropOnClose || names.isEmpty()) {
            return;
        }
        try (Connection c = LocalPostgres.admin(); Statement st = c.createStatement()) {
            for (String role : names.values()) {
                st.execute("DROP ROLE IF EXISTS \"" + role + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test roles " + names.values(), e);
        }
    }
}
