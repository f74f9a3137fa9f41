package dev.converge.dialect.postgres.history;

import dev.converge.engine.spi.Checkpoint;
import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.HistoryStore;
import dev.converge.engine.spi.InspectScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgresHistoryStore keeps one row per apply in {@code converge.history} on the target itself, and
 * one row per step event (done, failed, rolled back, undone) in {@code converge.checkpoints}.
 * Everything runs in the caller's transaction, so a history row commits or rolls back with the
 * apply it records.
 */
public final class PostgresHistoryStore implements HistoryStore {
    static final String SCHEMA = InspectScope.BOOKKEEPING_SCHEMA;
    static final String TABLE = "\"" + SCHEMA + "\".\"history\"";
    static final String CHECKPOINTS = "\"" + SCHEMA + "\".\"checkpoints\"";

    /**
     * Arbitrary but fixed advisory lock key ("cvg" + 1) that serialises concurrent ensure() calls:
     * CREATE ... IF NOT EXISTS alone can still fail with a unique violation on the catalogs when two
     * sessions create the same schema at the same moment.
     */
    static final long ENSURE_LOCK = 0x63766701L;

    private static final String ENSURE = "SELECT pg_advisory_xact_lock(" + ENSURE_LOCK + ");\n"
            + "CREATE SCHEMA IF NOT EXISTS \"" + SCHEMA + "\";\n"
            + "CREATE TABLE IF NOT EXISTS " + TABLE + " (\n"
            + "    id bigserial PRIMARY KEY,\n"
            + "    applied_at timestamptz NOT NULL,\n"
            + "    database_user text NOT NULL,\n"
            + "    desired_hash text NOT NULL,\n"
            + "    plan jsonb NOT NULL,\n"
            + "    outcome text NOT NULL,\n"
            + "    duration_ms bigint NOT NULL\n"
            + ");\n"
            // Added with checkpoints: upgrades a history made by an older version in place. Checked first,
            // because ALTER TABLE locks the table even when there is nothing to add.
            + "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = '" + SCHEMA + ".history'::regclass"
            + " AND attname = 'status') THEN ALTER TABLE " + TABLE + " ADD COLUMN status text NOT NULL DEFAULT"
            + " 'converged', ADD COLUMN git_commit text; END IF; END $$;\n"
            + "CREATE TABLE IF NOT EXISTS " + CHECKPOINTS + " (\n"
            + "    id bigserial PRIMARY KEY,\n"
            + "    apply_id bigint NOT NULL REFERENCES " + TABLE + " (id),\n"
            + "    step integer NOT NULL,\n"
            + "    step_id text NOT NULL,\n"
            + "    group_number integer NOT NULL,\n"
            + "    status text NOT NULL,\n"
            + "    started_at timestamptz NOT NULL,\n"
            + "    finished_at timestamptz NOT NULL,\n"
            + "    statement text NOT NULL,\n"
            + "    error text,\n"
            + "    fingerprint text\n"
            + ");\n"
            + "CREATE INDEX IF NOT EXISTS checkpoints_apply_id ON " + CHECKPOINTS + " (apply_id);\n"
            // Added for environments and tenants (converge.yaml): tenant schemas share their database's
            // history, so each row names its environment and target, with the desired snapshot drift needs.
            + "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = '" + SCHEMA + ".history'::regclass"
            + " AND attname = 'target') THEN ALTER TABLE " + TABLE + " ADD COLUMN environment text,"
            + " ADD COLUMN target text, ADD COLUMN desired_snapshot jsonb, ADD COLUMN remark text; END IF; END $$;\n"
            + "CREATE INDEX IF NOT EXISTS history_target ON " + TABLE + " (environment, target, id)";

    private static final String SELECT = "SELECT id, applied_at, database_user, desired_hash, plan::text, outcome,"
            + " duration_ms, status, git_commit, environment, target, desired_snapshot::text, remark FROM " + TABLE;

    public PostgresHistoryStore() {
    }

    @Override
    public void ensure(Connection connection) throws SQLException {
        // One statement string: in autocommit mode pgjdbc runs it as one implicit transaction, so the
        // advisory lock is held until the table exists; in the caller's transaction it is held to its end.
        try (Statement st = connection.createStatement()) {
            st.execute(ENSURE);
        }
    }

    @Override
    public long record(Connection connection, HistoryEntry entry) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + TABLE
                + " (applied_at, database_user, desired_hash, plan, outcome, duration_ms, status, git_commit,"
                + " environment, target, desired_snapshot, remark)"
                + " VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) RETURNING id")) {
            ps.setObject(1, OffsetDateTime.ofInstant(entry.appliedAt(), ZoneOffset.UTC));
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
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public List<HistoryEntry> list(Connection connection, int limit) throws SQLException {
        if (!tableExists(connection)) {
            return List.of();
        }
        return entries(connection, "ORDER BY id DESC LIMIT ?", limit);
    }

    @Override
    public Optional<HistoryEntry> find(Connection connection, long id) throws SQLException {
        if (!tableExists(connection)) {
            return Optional.empty();
        }
        return entries(connection, "WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<HistoryEntry> listFor(Connection connection, String environment, String target, int limit)
            throws SQLException {
        if (!tableExists(connection)) {
            return List.of();
        }
        try (PreparedStatement ps = connection.prepareStatement(SELECT + " WHERE environment = ? AND target = ?"
                + " ORDER BY id DESC LIMIT ?")) {
            ps.setString(1, environment);
            ps.setString(2, target);
            ps.setInt(3, limit);
            return read(ps);
        }
    }

    @Override
    public Optional<HistoryEntry> lastSucceeded(Connection connection, String environment, String target)
            throws SQLException {
        if (!tableExists(connection)) {
            return Optional.empty();
        }
        try (PreparedStatement ps = connection.prepareStatement(SELECT + " WHERE environment = ? AND target = ?"
                + " AND status IN ('" + HistoryEntry.CONVERGED + "', '" + HistoryEntry.APPLIED + "')"
                + " ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, environment);
            ps.setString(2, target);
            return read(ps).stream().findFirst();
        }
    }

    private static List<HistoryEntry> entries(Connection connection, String where, long parameter) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SELECT + " " + where)) {
            ps.setLong(1, parameter);
            return read(ps);
        }
    }

    private static List<HistoryEntry> read(PreparedStatement ps) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new HistoryEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getString(13)));
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
            ps.setObject(6, OffsetDateTime.ofInstant(checkpoint.startedAt(), ZoneOffset.UTC));
            ps.setObject(7, OffsetDateTime.ofInstant(checkpoint.finishedAt(), ZoneOffset.UTC));
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
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                            rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8), rs.getString(9),
                            rs.getString(10)));
                }
            }
        }
        return checkpoints;
    }

    private static boolean tableExists(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('" + SCHEMA + ".history') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
