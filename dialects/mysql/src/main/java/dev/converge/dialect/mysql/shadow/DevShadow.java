package dev.converge.dialect.mysql.shadow;

import dev.converge.engine.spi.ManagedShadow;
import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.dialect.mysql.connect.MysqlConnector;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.spi.DatabaseUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * DevShadow is an empty database the user names with --dev-url (for servers where Converge may not
 * create databases). It must be empty when opened, so that nothing of the user's is lost, and it is
 * emptied again on close: views, then tables, with foreign-key checks off.
 */
final class DevShadow extends ManagedShadow {
    private final MysqlConnector connector;
    private final DatabaseUrl url;

    private DevShadow(MysqlConnector connector, DatabaseUrl url) {
        super("dev database " + url.display());
        this.connector = connector;
        this.url = url;
    }

    static DevShadow open(MysqlConnector connector, DatabaseUrl url) {
        Connection c = connector.connect(url);
        try {
            List<String> present = objects(c, "'BASE TABLE', 'VIEW', 'SYSTEM VERSIONED', 'SEQUENCE'");
            if (!present.isEmpty()) {
                c.close();
                throw new ConvergeException(ErrorKind.USAGE, "the dev database " + url.display() + " is not empty (it holds "
                        + String.join(", ", present.subList(0, Math.min(5, present.size())))
                        + (present.size() > 5 ? ", ..." : "") + "); Converge empties it after use, so it must hold"
                        + " nothing of yours: name an empty database");
            }
        } catch (SQLException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot read the dev database " + url.display() + ": "
                    + e.getMessage(), e);
        }
        DevShadow shadow = new DevShadow(connector, url);
        shadow.attach(c, shadow.description(), url);
        return shadow;
    }

    private static List<String> objects(Connection c, String types) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN ("
                        + types + ") ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Override
    protected void release() throws SQLException {
        try (Connection c = connector.connect(url); Statement st = c.createStatement()) {
            st.execute("SET SESSION foreign_key_checks = 0");
            for (String view : objects(c, "'VIEW'")) {
                st.execute("DROP VIEW IF EXISTS " + quote(view));
            }
            for (String table : objects(c, "'BASE TABLE', 'SYSTEM VERSIONED'")) {
                st.execute("DROP TABLE IF EXISTS " + quote(table));
            }
        }
    }

    @Override
    protected String cleanupAdvice() {
        return "; empty " + url.display() + " by hand before the next run";
    }
}
