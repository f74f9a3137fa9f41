package dev.converge.dialect.mysql.shadow;

import dev.converge.engine.spi.ManagedShadow;
import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.dialect.mysql.connect.MysqlConnector;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.ShadowDatabaseNames;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * WorkspaceShadow is a uniquely named throwaway database on the target's own server (Skeema's
 * "workspace"), created with the target database's default character set and collation so that
 * tables load exactly as they would in the target, and dropped on close, on failure and on Ctrl-C.
 * Names carry a timestamp and 32 random bits; a collision is retried with a new name.
 */
final class WorkspaceShadow extends ManagedShadow {
    private final MysqlConnector connector;
    private final DatabaseUrl target;
    private final String name;

    private WorkspaceShadow(MysqlConnector connector, DatabaseUrl target, String name) {
        super("database " + name + " on " + target.host() + ":" + target.port());
        this.connector = connector;
        this.target = target;
        this.name = name;
    }

    static WorkspaceShadow create(MysqlConnector connector, DatabaseUrl target) {
        String name;
        try (Connection admin = connector.connect(target)) {
            name = createDatabase(admin, target);
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot create a shadow database on " + target.host() + ":"
                    + target.port() + ": " + e.getMessage(), e);
        }
        WorkspaceShadow shadow = new WorkspaceShadow(connector, target, name);
        try {
            DatabaseUrl url = target.withDatabase(name);
            shadow.attach(connector.connect(url), shadow.description(), url);
            return shadow;
        } catch (RuntimeException e) {
            shadow.close();
            throw e;
        }
    }

    private static String createDatabase(Connection admin, DatabaseUrl target) throws SQLException {
        String charset;
        String collation;
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@character_set_database, @@collation_database")) {
            rs.next();
            charset = rs.getString(1);
            collation = rs.getString(2);
        }
        for (int attempt = 1; ; attempt++) {
            String name = ShadowDatabaseNames.next();
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + quote(name) + " CHARACTER SET " + charset + " COLLATE " + collation);
                return name;
            } catch (SQLException e) {
                if (e.getErrorCode() == 1007 && attempt < 5) {
                    continue;
                }
                if (e.getErrorCode() == 1044) {
                    throw new ConvergeException(ErrorKind.USAGE, "the user may not create databases on "
                            + target.host() + ":" + target.port() + " (a server shadow needs CREATE and DROP on"
                            + " `converge_shadow_%`): grant them, or use --dev-url with an empty database", e);
                }
                throw e;
            }
        }
    }

    String name() {
        return name;
    }

    @Override
    protected void release() throws SQLException {
        try (Connection admin = connector.connect(target); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + quote(name));
        }
    }

    @Override
    protected String cleanupAdvice() {
        return "; drop it by hand: DROP DATABASE " + quote(name) + ";";
    }
}
