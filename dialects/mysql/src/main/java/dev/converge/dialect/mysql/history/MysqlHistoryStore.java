package dev.converge.dialect.mysql.history;

import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.HistoryStore;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * MysqlHistoryStore keeps one row per apply in {@code converge.history} on the target's server. A
 * MySQL "schema" is a database, so the bookkeeping database serves every database of the server and
 * each row says which database it is about. CREATE DATABASE/TABLE commit implicitly, so they run
 * before the apply's own statements are recorded.
 */
public final class MysqlHistoryStore implements HistoryStore {
    static final String TABLE = "`" + InspectScope.BOOKKEEPING_SCHEMA + "`.`history`";

    @Override
    public void ensure(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS `" + InspectScope.BOOKKEEPING_SCHEMA + "`");
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (\n"
                    + "  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n"
                    + "  target_database VARCHAR(64) NOT NULL,\n"
                    + "  applied_at DATETIME(3) NOT NULL,\n"
                    + "  database_user VARCHAR(255) NOT NULL,\n"
                    + "  desired_hash VARCHAR(128) NOT NULL,\n"
                    + "  plan LONGTEXT NOT NULL,\n"
                    + "  outcome TEXT NOT NULL,\n"
                    + "  duration_ms BIGINT NOT NULL,\n"
                    + "  KEY by_database (target_database, id)\n"
                    + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
    }

    @Override
    public long record(Connection connection, HistoryEntry entry) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + TABLE
                + " (target_database, applied_at, database_user, desired_hash, plan, outcome, duration_ms)"
                + " VALUES (DATABASE(), ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setTimestamp(1, Timestamp.from(entry.appliedAt()));
            ps.setString(2, entry.databaseUser());
            ps.setString(3, entry.desiredHash());
            ps.setString(4, entry.planJson());
            ps.setString(5, entry.outcome());
            ps.setLong(6, entry.durationMillis());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Override
    public List<HistoryEntry> list(Connection connection, int limit) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                        + InspectScope.BOOKKEEPING_SCHEMA + "' AND TABLE_NAME = 'history'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return List.of();
            }
        }
        List<HistoryEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, applied_at, database_user, desired_hash, plan,"
                + " outcome, duration_ms FROM " + TABLE + " WHERE target_database = DATABASE() ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new HistoryEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7)));
                }
            }
        }
        return entries;
    }
}
