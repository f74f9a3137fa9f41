package dev.converge.dialect.mysql.shadow;

import dev.converge.dialect.mysql.MysqlIdentifiers;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.ServerDatabaseShadow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * MysqlShadowDatabase is how MySQL and MariaDB make a {@link ServerDatabaseShadow} (Skeema's
 * "workspace"): with the target database's default character set and collation, so that tables load
 * exactly as they would in the target.
 */
final class MysqlShadowDatabase implements ServerDatabaseShadow.Server {
    @Override
    public String quote(String name) {
        return MysqlIdentifiers.quote(name);
    }

    @Override
    public String likeTarget(Connection admin) throws SQLException {
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@character_set_database, @@collation_database")) {
            rs.next();
            return " CHARACTER SET " + rs.getString(1) + " COLLATE " + rs.getString(2);
        }
    }

    @Override
    public boolean nameTaken(SQLException e) {
        return e.getErrorCode() == 1007;
    }

    @Override
    public String mayNotCreate(Connection admin, DatabaseUrl target, SQLException e) {
        if (e.getErrorCode() != 1044) {
            return null;
        }
        return "the user may not create databases on " + target.host() + ":" + target.port() + " (a server shadow"
                + " needs CREATE and DROP on `converge_shadow_%`): grant them, or use --dev-url with an empty database";
    }

    @Override
    public void drop(Connection admin, String name) throws SQLException {
        try (Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + quote(name));
        }
    }
}
