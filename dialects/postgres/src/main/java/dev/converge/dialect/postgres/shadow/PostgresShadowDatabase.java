package dev.converge.dialect.postgres.shadow;

import static dev.converge.dialect.postgres.PostgresIdentifiers.literal;

import dev.converge.dialect.postgres.PostgresIdentifiers;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.ServerDatabaseShadow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgresShadowDatabase is how PostgreSQL makes a {@link ServerDatabaseShadow}: from template0 with
 * the target database's encoding and collation, and dropped with its sessions ended.
 */
final class PostgresShadowDatabase implements ServerDatabaseShadow.Server {
    @Override
    public String quote(String name) {
        return PostgresIdentifiers.quote(name);
    }

    /** ENCODING/LC_COLLATE/LC_CTYPE of the target database, so that the shadow sorts and stores alike. */
    @Override
    public String likeTarget(Connection admin) throws SQLException {
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_encoding_to_char(encoding), datcollate, datctype "
                     + "FROM pg_database WHERE datname = current_database()")) {
            if (!rs.next()) {
                return " TEMPLATE template0";
            }
            return " TEMPLATE template0 ENCODING " + literal(rs.getString(1)) + " LC_COLLATE " + literal(rs.getString(2))
                    + " LC_CTYPE " + literal(rs.getString(3));
        }
    }

    @Override
    public boolean nameTaken(SQLException e) {
        return "42P04".equals(e.getSQLState());
    }

    @Override
    public String mayNotCreate(Connection admin, DatabaseUrl target, SQLException e) {
        if (!"42501".equals(e.getSQLState())) {
            return null;
        }
        return "user '" + currentUser(admin) + "' may not create databases on " + target.host() + ":" + target.port()
                + " (a server shadow needs the CREATEDB privilege): use --shadow embedded, or --dev-url with an empty"
                + " database, or grant CREATEDB";
    }

    private static String currentUser(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    @Override
    public void drop(Connection admin, String name) throws SQLException {
        int versionNum;
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            versionNum = rs.getInt(1);
        }
        try (Statement st = admin.createStatement()) {
            if (versionNum >= 130000) {
                st.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
            } else {
                // Before 13 there is no FORCE: end the shadow's sessions ourselves first.
                try (PreparedStatement kill = admin.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
                    kill.setString(1, name);
                    kill.execute();
                }
                st.execute("DROP DATABASE IF EXISTS " + quote(name));
            }
        }
    }
}
