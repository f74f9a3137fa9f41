package dev.converge.dialect.mysql.history;

import dev.converge.engine.spi.Checkpoint;
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
import java.util.Optional;

/**
 * MysqlHistoryStore keeps one row per apply in {@code converge.history} on the target's server. A
 * MySQL "schema" is a database, so the bookkeeping database serves every database of the server and
 * each row says which database it is about. CREATE DATABASE/TABLE commit implicitly, so they run
 * before the apply's own statements are recorded. Like PostgreSQL's, each row also names the
 * converge.yaml environment and target it ran for, with the desired snapshot drift compares against.
 * Checkpoints (one row per step event) live beside it.
 */
public final class MysqlHistoryStore implements HistoryStore {
    static final String TABLE = "`" + InspectScope.BOOKKEEPING_SCHEMA + "`.`history`";
    static final String CHECKPOINTS = "`" + InspectScope.BOOKKEEPING_SCHEMA + "`.`checkpoints`";

    /**
     * Named lock that serialises concurrent ensure() calls on one server (the bookkeeping database is
     * shared by every database of the server): without it two applies that both find a column
     * missing both add it, and the second fails with "Duplicate column name". PostgreSQL's store
     * does the same with an advisory lock.
     */
    private static final String ENSURE_LOCK = "converge.history.ensure";
    private static final int ENSURE_LOCK_WAIT_SECONDS = 60;

    @Override
    public void ensure(Connection connection) throws SQLException {
        acquireEnsureLock(connection);
        try {
            createOrUpgrade(connection);
        } finally {
            try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                ps.setString(1, ENSURE_LOCK);
                ps.execute();
            }
        }
    }

    private static void acquireEnsureLock(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, ENSURE_LOCK);
            ps.setInt(2, ENSURE_LOCK_WAIT_SECONDS);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("another Converge process has been preparing the history table of this"
                            + " server for " + ENSURE_LOCK_WAIT_SECONDS + " s; try again when it is done");
                }
            }
        }
    }

    private static void createOrUpgrade(Connection connection) throws SQLException {
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
            if (!hasStatusColumn(connection)) {
                // A history made before checkpoints: upgraded in place (MySQL has no ADD COLUMN IF NOT EXISTS).
                st.execute("ALTER TABLE " + TABLE + " ADD COLUMN status VARCHAR(32) NOT NULL DEFAULT 'converged',"
                        + " ADD COLUMN git_commit VARCHAR(80) NULL");
            }
            if (!hasColumn(connection, "target")) {
                // Environments and tenants (converge.yaml): each row names its environment and target, with
                // the desired snapshot drift compares against and the note of a skipped promotion check.
                st.execute("ALTER TABLE " + TABLE + " ADD COLUMN environment VARCHAR(64) NULL,"
                        + " ADD COLUMN target VARCHAR(128) NULL, ADD COLUMN desired_snapshot LONGTEXT NULL,"
                        + " ADD COLUMN remark TEXT NULL");
            }
            st.execute("CREATE TABLE IF NOT EXISTS " + CHECKPOINTS + " (\n"
                    + "  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,\n"
                    + "  apply_id BIGINT NOT NULL,\n"
                    + "  step INT NOT NULL,\n"
                    + "  step_id TEXT NOT NULL,\n"
                    + "  group_number INT NOT NULL,\n"
                    + "  status VARCHAR(32) NOT NULL,\n"
                    + "  started_at DATETIME(3) NOT NULL,\n"
                    + "  finished_at DATETIME(3) NOT NULL,\n"
                    + "  statement LONGTEXT NOT NULL,\n"
                    + "  error TEXT NULL,\n"
                    + "  fingerprint VARCHAR(128) NULL,\n"
                    + "  KEY by_apply (apply_id, id)\n"
                    + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }
    }

    private static boolean hasStatusColumn(Connection connection) throws SQLException {
        return hasColumn(connection, "status");
    }

    private static boolean hasColumn(Connection connection, String column) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                        + InspectScope.BOOKKEEPING_SCHEMA + "' AND TABLE_NAME = 'history' AND COLUMN_NAME = '"
                        + column + "'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    @Override
    public long record(Connection connection, HistoryEntry entry) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + TABLE
                + " (target_database, applied_at, database_user, desired_hash, plan, outcome, duration_ms, status,"
                + " git_commit, environment, target, desired_snapshot, remark)"
                + " VALUES (DATABASE(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setTimestamp(1, Timestamp.from(entry.appliedAt()));
            ps.setString(2, entry.databaseUser());
            ps.setString(3, entry.desiredHash());
            ps.setString(4, entry.planJson());
            ps.setString(5, entry.outcome());
            ps.setLong(6, entry.durationMillis());
            ps.setString(7, entry.status());
            ps.setString(8, entry.gitCommit());
            ps.setString(9, entry.environment());
            ps.setString(10, entry.target());
            ps.setString(11, entry.desiredSnapshot());
            ps.setString(12, entry.note());
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
        return entries(connection, "ORDER BY id DESC LIMIT ?", limit);
    }

    @Override
    public Optional<HistoryEntry> find(Connection connection, long id) throws SQLException {
        return entries(connection, "AND id = ?", id).stream().findFirst();
    }

    private static List<HistoryEntry> entries(Connection connection, String tail, long parameter) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        // A history table made before environments is read as it is (ensure() upgrades it at the next apply).
        String project = hasColumn(connection, "target") ? "environment, target, desired_snapshot, remark"
                : "NULL, NULL, NULL, NULL";
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, applied_at, database_user, desired_hash, plan,"
                + " outcome, duration_ms, status, git_commit, " + project + " FROM " + TABLE
                + " WHERE target_database = DATABASE() "
                + tail)) {
            ps.setLong(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new HistoryEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                            rs.getString(13)));
                }
            }
        }
        return entries;
    }

    @Override
    public void finish(Connection connection, long id, String status, String outcome, long durationMillis)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + TABLE
                + " SET status = ?, outcome = ?, duration_ms = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, outcome);
            ps.setLong(3, durationMillis);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    @Override
    public void checkpoint(Connection connection, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + CHECKPOINTS + " (apply_id, step,"
                + " step_id, group_number, status, started_at, finished_at, statement, error, fingerprint)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, checkpoint.applyId());
            ps.setInt(2, checkpoint.step());
            ps.setString(3, checkpoint.stepId());
            ps.setInt(4, checkpoint.group());
            ps.setString(5, checkpoint.status());
            ps.setTimestamp(6, Timestamp.from(checkpoint.startedAt()));
            ps.setTimestamp(7, Timestamp.from(checkpoint.finishedAt()));
            ps.setString(8, checkpoint.statement());
            ps.setString(9, checkpoint.error());
            ps.setString(10, checkpoint.fingerprint());
            ps.executeUpdate();
        }
    }

    @Override
    public List<Checkpoint> checkpoints(Connection connection, long applyId) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT apply_id, step, step_id, group_number, status,"
                + " started_at, finished_at, statement, error, fingerprint FROM " + CHECKPOINTS
                + " WHERE apply_id = ? ORDER BY id")) {
            ps.setLong(1, applyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    checkpoints.add(new Checkpoint(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                            rs.getString(8), rs.getString(9), rs.getString(10)));
                }
            }
        }
        return checkpoints;
    }
}
