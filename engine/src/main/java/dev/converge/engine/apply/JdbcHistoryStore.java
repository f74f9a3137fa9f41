package dev.converge.engine.apply;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.spi.Checkpoint;
import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.HistoryStore;
import dev.converge.engine.spi.HistoryTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * JdbcHistoryStore keeps one row per apply in the bookkeeping schema's history table and one row per
 * step event (done, failed, rolled back, undone) in its checkpoints table, on the target's server.
 * Every statement runs in the caller's transaction (or in autocommit), so a history row commits or
 * rolls back with the apply it records. The queries are written once here; a dialect supplies only
 * its {@link HistoryTables}: the DDL, the names, and the column types that differ.
 *
 * A dialect names its store by extending this class with its tables, and overrides nothing.
 *
 * <p>{@code LIMIT} is not the SQL standard's spelling, but it is the one both supported servers read.
 *
 * <p>A read first asks whether the table exists and has the target columns. A fleet reads the history
 * of every tenant of a database over the few connections of its pool, so once a connection has seen
 * the table complete, that is remembered for the connection (Converge never drops the table or its
 * columns). A missing or older table is asked about again at every read: an apply that created or
 * upgraded it since, perhaps from another process, must be seen (the fleet apply's check that no other
 * apply ran since its plan relies on it).
 */
public class JdbcHistoryStore implements HistoryStore {
    private static final String ENTRY_COLUMNS = "id, applied_at, database_user, desired_hash, %s, outcome,"
            + " duration_ms, status, git_commit, %s";
    private static final String CHECKPOINT_COLUMNS = "apply_id, step, step_id, group_number, status, started_at,"
            + " finished_at, statement, error, fingerprint";

    private final HistoryTables tables;
    /** The physical connections that have seen the complete table; weak, so a closed one is forgotten. */
    private final Map<Connection, Boolean> complete = Collections.synchronizedMap(new WeakHashMap<>());

    public JdbcHistoryStore(HistoryTables tables) {
        this.tables = requireNonNull(tables, "tables is null");
    }

    /** What a read needs to know of the history table before it reads. */
    private record Shape(boolean exists, boolean targetColumns) {
        static final Shape COMPLETE = new Shape(true, true);
    }

    private Shape shape(Connection connection) throws SQLException {
        Connection physical = physical(connection);
        if (complete.containsKey(physical)) {
            return Shape.COMPLETE;
        }
        boolean exists = tables.exists(connection);
        Shape shape = new Shape(exists, exists && tables.hasTargetColumns(connection));
        // In a transaction the table may be this transaction's own, gone again if it rolls back.
        if (shape.equals(Shape.COMPLETE) && connection.getAutoCommit()) {
            complete.put(physical, Boolean.TRUE);
        }
        return shape;
    }

    /** The driver's connection behind a pool's proxy, which is a new object at every borrow. */
    private static Connection physical(Connection connection) throws SQLException {
        return connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
    }

    @Override
    public final void ensure(Connection connection) throws SQLException {
        tables.ensure(connection);
    }

    @Override
    public final long record(Connection connection, HistoryEntry entry) throws SQLException {
        Optional<HistoryTables.Scope> scope = tables.scope();
        String json = tables.jsonParameter();
        String sql = "INSERT INTO " + tables.history() + " (" + scope.map(s -> s.column() + ", ").orElse("")
                + "applied_at, database_user, desired_hash, plan, outcome, duration_ms, status, git_commit,"
                + " environment, target, desired_snapshot, remark) VALUES ("
                + scope.map(s -> s.expression() + ", ").orElse("")
                + "?, ?, ?, " + json + ", ?, ?, ?, ?, ?, ?, " + json + ", ?)";
        try (PreparedStatement ps = connection.prepareStatement(sql, new String[] {"id"})) {
            tables.setInstant(ps, 1, entry.appliedAt());
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
                if (!keys.next()) {
                    throw new SQLException("the server returned no id for the history row it inserted");
                }
                return keys.getLong(1);
            }
        }
    }

    @Override
    public final List<HistoryEntry> list(Connection connection, int limit) throws SQLException {
        Shape shape = shape(connection);
        if (!shape.exists()) {
            return List.of();
        }
        return entries(connection, shape, "", List.of(), "ORDER BY id DESC LIMIT " + Math.max(0, limit));
    }

    @Override
    public final Optional<HistoryEntry> find(Connection connection, long id) throws SQLException {
        Shape shape = shape(connection);
        if (!shape.exists()) {
            return Optional.empty();
        }
        return entries(connection, shape, "id = ?", List.of(id), "").stream().findFirst();
    }

    @Override
    public final List<HistoryEntry> listFor(Connection connection, String environment, String target, int limit)
            throws SQLException {
        Shape shape = shape(connection);
        if (!shape.targetColumns()) {
            return List.of();
        }
        return entries(connection, shape, "environment = ? AND target = ?", List.of(environment, target),
                "ORDER BY id DESC LIMIT " + Math.max(0, limit));
    }

    @Override
    public final Optional<HistoryEntry> lastSucceeded(Connection connection, String environment, String target)
            throws SQLException {
        Shape shape = shape(connection);
        if (!shape.targetColumns()) {
            return Optional.empty();
        }
        return entries(connection, shape, "environment = ? AND target = ? AND status IN (?, ?)",
                List.of(environment, target, HistoryEntry.CONVERGED, HistoryEntry.APPLIED), "ORDER BY id DESC LIMIT 1")
                .stream().findFirst();
    }

    /**
     * One query: the rows numbered per target, newest first, by a window function (PostgreSQL, MySQL
     * 8, MariaDB 10.2 and later), and those within {@code perTarget} read as {@link #listFor} reads them.
     */
    @Override
    public final Map<String, List<HistoryEntry>> recentByTarget(Connection connection, String environment,
                                                                int perTarget, boolean succeededOnly)
            throws SQLException {
        Shape shape = shape(connection);
        if (!shape.targetColumns()) {
            return Map.of();
        }
        List<String> conditions = new ArrayList<>(scopeCondition());
        conditions.add("environment = ?");
        List<Object> parameters = new ArrayList<>(List.of(environment));
        if (succeededOnly) {
            conditions.add("status IN (?, ?)");
            parameters.addAll(List.of(HistoryEntry.CONVERGED, HistoryEntry.APPLIED));
        }
        parameters.add(Math.max(0, perTarget));
        String newest = "id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY target ORDER BY id DESC)"
                + " AS recent FROM " + tables.history() + " WHERE " + String.join(" AND ", conditions)
                + ") numbered WHERE recent <= ?)";
        Map<String, List<HistoryEntry>> byTarget = new LinkedHashMap<>();
        for (HistoryEntry entry : entries(connection, shape, newest, parameters, "ORDER BY id DESC")) {
            byTarget.computeIfAbsent(entry.target(), t -> new ArrayList<>()).add(entry);
        }
        return byTarget;
    }

    private List<String> scopeCondition() {
        return tables.scope().map(s -> List.of(s.column() + " = " + s.expression())).orElse(List.of());
    }

    private List<HistoryEntry> entries(Connection connection, Shape shape, String where, List<Object> parameters,
                                       String tail) throws SQLException {
        // A history table made before environments is read as it is (ensure() upgrades it at the next apply).
        String targetColumns = shape.targetColumns()
                ? "environment, target, " + tables.jsonText("desired_snapshot") + ", remark" : "NULL, NULL, NULL, NULL";
        List<String> conditions = new ArrayList<>(scopeCondition());
        if (!where.isEmpty()) {
            conditions.add(where);
        }
        String sql = "SELECT " + String.format(ENTRY_COLUMNS, tables.jsonText("plan"), targetColumns) + " FROM "
                + tables.history() + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + (tail.isEmpty() ? "" : " " + tail);
        List<HistoryEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new HistoryEntry(rs.getLong(1), tables.instant(rs, 2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)));
                }
            }
        } catch (SQLException e) {
            // The table was dropped by hand since this connection saw it: the next read asks again.
            complete.remove(physical(connection));
            throw e;
        }
        return entries;
    }

    @Override
    public final void finish(Connection connection, long id, String status, String outcome, long durationMillis)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + tables.history()
                + " SET status = ?, outcome = ?, duration_ms = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, outcome);
            ps.setLong(3, durationMillis);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    @Override
    public final void checkpoint(Connection connection, Checkpoint checkpoint) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + tables.checkpoints() + " ("
                + CHECKPOINT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, checkpoint.applyId());
            ps.setInt(2, checkpoint.step());
            ps.setString(3, checkpoint.stepId());
            ps.setInt(4, checkpoint.group());
            ps.setString(5, checkpoint.status());
            tables.setInstant(ps, 6, checkpoint.startedAt());
            tables.setInstant(ps, 7, checkpoint.finishedAt());
            ps.setString(8, checkpoint.statement());
            ps.setString(9, checkpoint.error());
            ps.setString(10, checkpoint.fingerprint());
            ps.executeUpdate();
        }
    }

    @Override
    public final List<Checkpoint> checkpoints(Connection connection, long applyId) throws SQLException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + CHECKPOINT_COLUMNS + " FROM "
                + tables.checkpoints() + " WHERE apply_id = ? ORDER BY id")) {
            ps.setLong(1, applyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    checkpoints.add(new Checkpoint(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), tables.instant(rs, 6), tables.instant(rs, 7), rs.getString(8),
                            rs.getString(9), rs.getString(10)));
                }
            }
        }
        return checkpoints;
    }
}
