package dev.converge.dialect.mysql.history;

import dev.converge.dialect.mysql.MysqlIdentifiers;
import dev.converge.engine.apply.JdbcHistoryStore;
import dev.converge.engine.spi.HistoryTables;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * MysqlHistoryStore keeps one row per apply in {@code converge.history} on the target's server,
 * through the engine's {@link JdbcHistoryStore}. A MySQL "schema" is a database, so the bookkeeping
 * database serves every database of the server and each row says which database it is about (its
 * {@link HistoryTables#scope() scope}). CREATE DATABASE/TABLE commit implicitly, so they run before
 * the apply's own statements are recorded. Checkpoints (one row per step event) live beside it.
 */
public final class MysqlHistoryStore extends JdbcHistoryStore {
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

    public MysqlHistoryStore() {
        super(new Tables());
    }

    private static final class Tables implements HistoryTables {
        @Override
        public String quote(String identifier) {
            return MysqlIdentifiers.quote(identifier);
        }

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
                        throw new SQLException("another Converge process has been preparing the history table of"
                                + " this server for " + ENSURE_LOCK_WAIT_SECONDS + " s; try again when it is done");
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
                if (!hasColumn(connection, "status")) {
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
        public boolean exists(Connection connection) throws SQLException {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                            + InspectScope.BOOKKEEPING_SCHEMA + "' AND TABLE_NAME = 'history'")) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }

        @Override
        public Optional<Scope> scope() {
            return Optional.of(new Scope("target_database", "DATABASE()"));
        }

        @Override
        public boolean hasTargetColumns(Connection connection) throws SQLException {
            return hasColumn(connection, "target");
        }

        @Override
        public void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
            statement.setTimestamp(index, Timestamp.from(instant));
        }

        @Override
        public Instant instant(ResultSet row, int index) throws SQLException {
            return row.getTimestamp(index).toInstant();
        }
    }
}
