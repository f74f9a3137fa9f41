package dev.converge.engine.spi;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * ServerDatabaseShadow is a uniquely named throwaway database on the target's own server (so its
 * canonical forms are exactly the target's), created like the target database and dropped on close,
 * on failure and on Ctrl-C. Names carry a timestamp and 32 random bits ({@link ShadowDatabaseNames}),
 * so parallel runs never collide; a collision anyway is retried with a new name. The dialect's
 * {@link Server} says what its server needs for that.
 */
public final class ServerDatabaseShadow extends ManagedShadow {
    private static final int ATTEMPTS = 5;

    private final DialectParts.Connector connector;
    private final Server server;
    private final DatabaseUrl target;
    private final String name;

    /** How a dialect's server creates a database like another and drops it again. */
    public interface Server {
        /** Quotes a database name. */
        String quote(String name);

        /** What follows {@code CREATE DATABASE name} so that the shadow stores and sorts like the database of {@code admin}. */
        String likeTarget(Connection admin) throws SQLException;

        /** True when CREATE DATABASE failed because another database has the name. */
        boolean nameTaken(SQLException e);

        /** The message when CREATE DATABASE failed because the user may not create databases; null for another failure. */
        String mayNotCreate(Connection admin, DatabaseUrl target, SQLException e);

        /** Drops database {@code name} if it exists, ending the sessions that would keep it where the server needs that. */
        void drop(Connection admin, String name) throws SQLException;
    }

    private ServerDatabaseShadow(DialectParts.Connector connector, Server server, DatabaseUrl target, String name) {
        super("database " + name + " on " + target.host() + ":" + target.port());
        this.connector = connector;
        this.server = server;
        this.target = target;
        this.name = name;
    }

    /** Creates the shadow database on {@code target}'s server and opens the shadow's connection to it. */
    public static ServerDatabaseShadow create(DialectParts.Connector connector, Server server, DatabaseUrl target) {
        String name;
        try (Connection admin = connector.connect(target)) {
            name = createDatabase(server, admin, target);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot create a shadow database on " + target.host() + ":"
                    + target.port() + ": " + e.getMessage(), e);
        }
        // From here the database exists: the shadow object (and its shutdown hook) owns it.
        ServerDatabaseShadow shadow = new ServerDatabaseShadow(connector, server, target, name);
        try {
            DatabaseUrl url = target.withDatabase(name);
            shadow.attach(connector.connect(url), shadow.description(), url);
            return shadow;
        } catch (RuntimeException e) {
            shadow.close();
            throw e;
        }
    }

    private static String createDatabase(Server server, Connection admin, DatabaseUrl target) throws SQLException {
        admin.setAutoCommit(true); // CREATE DATABASE runs outside any transaction
        String like = server.likeTarget(admin);
        for (int attempt = 1; ; attempt++) {
            String name = ShadowDatabaseNames.next();
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + server.quote(name) + like);
                return name;
            } catch (SQLException e) {
                if (server.nameTaken(e) && attempt < ATTEMPTS) {
                    continue;
                }
                String mayNotCreate = server.mayNotCreate(admin, target, e);
                if (mayNotCreate != null) {
                    throw new ConvergeException(ErrorKind.USAGE, mayNotCreate, e);
                }
                throw e;
            }
        }
    }

    /** The shadow database's name. */
    public String name() {
        return name;
    }

    @Override
    protected void release() throws SQLException {
        try (Connection admin = connector.connect(target)) {
            admin.setAutoCommit(true); // as does DROP DATABASE
            server.drop(admin, name);
        }
    }

    @Override
    protected String cleanupAdvice() {
        return "; drop it by hand: DROP DATABASE " + server.quote(name) + ";";
    }
}
