package dev.converge.dialect.mysql.connect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * ServerFlavor tells MariaDB from MySQL, with the major and minor version, so that their differences
 * are handled on purpose: how information_schema shows defaults (MariaDB quotes literals, MySQL marks
 * expressions DEFAULT_GENERATED), where CHECK constraints live, functional index parts (MySQL 8
 * only), INSTANT column changes.
 */
public record ServerFlavor(boolean mariadb, int major, int minor, String text) {
    public static ServerFlavor of(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return parse(rs.getString(1));
        }
    }

    public static ServerFlavor parse(String version) {
        var v = MysqlConnector.parseVersion(version);
        return new ServerFlavor(version.toLowerCase(Locale.ROOT).contains("mariadb"), v.major(), v.minor(), version);
    }

    public boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    /** MySQL 8.0.13+ stores functional key parts in STATISTICS.EXPRESSION; MariaDB has none. */
    public boolean hasFunctionalIndexes() {
        return !mariadb && major >= 8;
    }
}
