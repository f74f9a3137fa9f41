package dev.converge.dialect.postgres.history;

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

/**
 * PostgresHistoryStore keeps one row per apply in {@code converge.history} on the target itself.
 * Everything runs in the caller's transaction, so a history row commits or rolls back with the
 * apply it records.
 */
public final class PostgresHistoryStore implements HistoryStore {
    static final String SCHEMA = InspectScope.BOOKKEEPING_SCHEMA;
    static final String TABLE = "\"" + SCHEMA + "\".\"history\"";

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
            // Added for environments and tenants: a table an older Converge created is upgraded in place,
            // only when the columns are missing, since ALTER TABLE locks the table even when it does nothing.
            + "DO $upgrade$ BEGIN\n"
            + "  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = '" + SCHEMA
            + ".history'::regclass AND attname = 'target' AND NOT attisdropped) THEN\n"
            + "    ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS environment text,"
            + " ADD COLUMN IF NOT EXISTS target text, ADD COLUMN IF NOT EXISTS desired_snapshot jsonb,"
            + " ADD COLUMN IF NOT EXISTS note text;\n"
            + "  END IF;\n"
            + "END $upgrade$;\n"
            + "CREATE INDEX IF NOT EXISTS history_target ON " + TABLE + " (environment, target, id)";
    private static final String COLUMNS = "id, applied_at, database_user, desired_hash, plan::text, outcome,"
            + " duration_ms, environment, target, desired_snapshot::text, note";
    /** The same columns from a table an older Converge created, before the next apply upgrades it. */
    private static final String LEGACY_COLUMNS = "id, applied_at, database_user, desired_hash, plan::text, outcome,"
            + " duration_ms, NULL, NULL, NULL, NULL";

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
                + " (applied_at, database_user, desired_hash, plan, outcome, duration_ms, environment, target,"
                + " desired_snapshot, note) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?) RETURNING id")) {
            ps.setObject(1, OffsetDateTime.ofInstant(entry.appliedAt(), ZoneOffset.UTC));
            ps.setString(2, entry.databaseUser());
            ps.setString(3, entry.desiredHash());
            ps.setString(4, entry.planJson());
            ps.setString(5, entry.outcome());
            ps.setLong(6, entry.durationMillis());
            ps.setString(7, entry.environment());
            ps.setString(8, entry.target());
            ps.setString(9, entry.desiredSnapshot());
            ps.setString(10, entry.note());
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
        String columns = hasColumn(connection, "target") ? COLUMNS : LEGACY_COLUMNS;
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + columns + " FROM " + TABLE
                + " ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            return read(ps);
        }
    }

    @Override
    public List<HistoryEntry> listFor(Connection connection, String environment, String target, int limit)
            throws SQLException {
        if (!tableExists(connection) || !hasColumn(connection, "target")) {
            return List.of();
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE environment = ? AND target = ? ORDER BY id DESC LIMIT ?")) {
            ps.setString(1, environment);
            ps.setString(2, target);
            ps.setInt(3, limit);
            return read(ps);
        }
    }

    private static List<HistoryEntry> read(PreparedStatement ps) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new HistoryEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)));
            }
        }
        return entries;
    }

    /** A table created by an older Converge lacks the project columns until the next apply adds them. */
    private static boolean hasColumn(Connection connection, String column) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_attribute"
                + " WHERE attrelid = '" + SCHEMA + ".history'::regclass AND attname = ? AND NOT attisdropped")) {
            ps.setString(1, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean tableExists(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('" + SCHEMA + ".history') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
