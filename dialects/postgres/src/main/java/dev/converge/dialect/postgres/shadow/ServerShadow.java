package dev.converge.dialect.postgres.shadow;

import dev.converge.engine.spi.ManagedShadow;
import static dev.converge.dialect.postgres.PostgresIdentifiers.literal;
import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.dialect.postgres.connect.PostgresConnector;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.ShadowDatabaseNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * ServerShadow is a uniquely named throwaway database created on the target's own server (so its
 * canonical forms are exactly the target's), dropped again on close. Names carry a timestamp and
 * 32 random bits, so parallel runs never collide; a collision anyway is retried with a new name.
 */
final class ServerShadow extends ManagedShadow {
    private final PostgresConnector connector;
    private final DatabaseUrl target;
    private final String name;

    private ServerShadow(PostgresConnector connector, DatabaseUrl target, String name) {
        super("database " + name + " on " + target.host() + ":" + target.port());
        this.connector = connector;
        this.target = target;
        this.name = name;
    }

    static ServerShadow create(PostgresConnector connector, DatabaseUrl target) {
        String name;
        try (Connection admin = connector.connect(target)) {
            admin.setAutoCommit(true);
            name = createDatabase(admin, target);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot create a shadow database on " + target.host() + ":"
                    + target.port() + ": " + e.getMessage(), e);
        }
        // From here the database exists: the shadow object (and its shutdown hook) owns it.
        ServerShadow shadow = new ServerShadow(connector, target, name);
        try {
            Connection c = connector.connect(target.withDatabase(name));
            shadow.attach(c, shadow.description(), target.withDatabase(name));
            return shadow;
        } catch (RuntimeException e) {
            shadow.close();
            throw e;
        }
    }

    /** Creates the database like the target's (encoding, collation), retrying on a name collision. */
    private static String createDatabase(Connection admin, DatabaseUrl target) throws SQLException {
        String like = likeTarget(admin);
        for (int attempt = 1; ; attempt++) {
            String name = ShadowDatabaseNames.next();
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + quote(name) + " TEMPLATE template0" + like);
                return name;
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState()) && attempt < 5) {
                    continue;
                }
                if ("42501".equals(e.getSQLState())) {
                    throw new ConvergeException(ErrorKind.USAGE, "user '" + currentUser(admin) + "' may not create "
                            + "databases on " + target.host() + ":" + target.port() + " (a server shadow needs the "
                            + "CREATEDB privilege): use --shadow embedded, or --dev-url with an empty database, or "
                            + "grant CREATEDB", e);
                }
                throw e;
            }
        }
    }

    /** ENCODING/LC_COLLATE/LC_CTYPE of the target database, so that the shadow sorts and stores alike. */
    private static String likeTarget(Connection admin) throws SQLException {
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_encoding_to_char(encoding), datcollate, datctype "
                     + "FROM pg_database WHERE datname = current_database()")) {
            if (!rs.next()) {
                return "";
            }
            return " ENCODING " + literal(rs.getString(1)) + " LC_COLLATE " + literal(rs.getString(2))
                    + " LC_CTYPE " + literal(rs.getString(3));
        }
    }

    private static String currentUser(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    /** The shadow database's name. */
    String name() {
        return name;
    }

    @Override
    protected void release() throws SQLException {
        try (Connection admin = connector.connect(target)) {
            admin.setAutoCommit(true);
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

    @Override
    protected String cleanupAdvice() {
        return "; drop it by hand: DROP DATABASE " + quote(name) + ";";
    }
}
