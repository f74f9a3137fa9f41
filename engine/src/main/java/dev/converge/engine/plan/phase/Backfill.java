package dev.converge.engine.plan.phase;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import dev.converge.engine.diag.Plural;
import dev.converge.engine.spi.ExpandContractSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Backfill runs a {@link BackfillTask} (the copy of an open {@link ColumnSync}, the fill of a {@link NullFill})
 * in bounded batches by
 * primary key: each batch is one short transaction that updates the rows of one key range where the
 * two columns differ, and records the range's end as the task's checkpoint in the same commit. An
 * interrupted backfill (a signal, a killed process, a lost connection) resumes after the last
 * committed batch and never repeats one; rows written meanwhile are kept in step by the sync itself.
 */
public final class Backfill {
    /** The bookkeeping table of checkpoints (unquoted: the same spelling on every server). */
    static final String TABLE = "converge.backfills";

    /**
     * How a backfill treats the production server.
     *
     * @param batchSize        rows per batch (and per transaction)
     * @param pause            wait between batches, so replicas and other writers keep up
     * @param statementTimeout the longest one batch may take; a slower batch fails and is not recorded
     */
    public record Settings(int batchSize, Duration pause, Duration statementTimeout) {
        public static final Settings DEFAULT = new Settings(1000, Duration.ZERO, Duration.ofSeconds(30));

        public Settings {
            if (batchSize < 1) {
                throw new ConvergeException(ErrorKind.USAGE, "the backfill batch size must be at least 1, not " + batchSize);
            }
            requireNonNull(pause, "pause is null");
            requireNonNull(statementTimeout, "statementTimeout is null");
        }
    }

    /** Progress, after each committed batch. */
    public interface Listener {
        void batch(BackfillTask sync, long batches, long rowsUpdated, boolean finished);

        Listener NONE = (sync, batches, rows, finished) -> { };
    }

    /** Where a task stands: its checkpoint (the last key done, as text; null before the first batch). */
    public record Checkpoint(String lastKey, long batches, long rowsUpdated, boolean finished) {
        static final Checkpoint START = new Checkpoint(null, 0, 0, false);
    }

    private final ExpandContractSql sql;
    private final Settings settings;
    private final Listener listener;
    private final BooleanSupplier stop;

    /**
     * @param stop asked before each batch: true stops at that safe point (a signal), the checkpoint kept
     */
    public Backfill(ExpandContractSql sql, Settings settings, Listener listener, BooleanSupplier stop) {
        this.sql = requireNonNull(sql, "sql is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.stop = requireNonNull(stop, "stop is null");
    }

    /** Runs (or resumes) the backfill of a sync until no row is left, or {@code stop} says so. */
    public Checkpoint run(Connection connection, BackfillTask sync) throws SQLException {
        prepare(connection);
        Checkpoint at = checkpoint(connection, sync);
        // The sync exists before the backfill starts, so rows written later are already in step: the
        // backfill stops at the last key there is now. Without this bound it chased the inserts of a
        // busy table for ever, a few new rows per batch (seen in a full CI run). The server compares
        // keys with the bound in the key's own type, so a UUID or text key stops as an integer key does.
        String bound = at.finished() ? null : lastKeyNow(connection, sync);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            while (!at.finished()) {
                if (stop.getAsBoolean()) {
                    connection.rollback();
                    return at;
                }
                at = batch(connection, sync, at, bound);
                connection.commit();
                listener.batch(sync, at.batches(), at.rowsUpdated(), at.finished());
                if (!at.finished() && !settings.pause().isZero()) {
                    pause();
                }
            }
            return at;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * How many batches the backfill still needs, without changing anything: the rows after the
     * checkpoint, divided by the batch size (a dry run).
     */
    public long batchesLeft(Connection connection, BackfillTask sync) throws SQLException {
        Checkpoint at = exists(connection) ? checkpoint(connection, sync) : Checkpoint.START;
        if (at.finished()) {
            return 0;
        }
        long rows = 0;
        try (PreparedStatement st = connection.prepareStatement(rowCount(sync))) {
            st.setString(1, at.lastKey());
            st.setString(2, at.lastKey());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        return (rows + settings.batchSize() - 1) / settings.batchSize();
    }

    /** One line per sync for a dry run: {@code public.t.b <- a: 12 batches of 1000 rows}. */
    public List<String> dryRun(Connection connection, List<? extends BackfillTask> syncs) throws SQLException {
        List<String> lines = new java.util.ArrayList<>();
        for (BackfillTask sync : syncs) {
            long batches = batchesLeft(connection, sync);
            lines.add("backfill " + sync.display() + ": " + (batches == 0 ? "nothing left to copy"
                    : Plural.count(batches, "batch", "batches") + " of up to " + Plural.count(settings.batchSize(), "row")));
        }
        return lines;
    }

    /** The checkpoint of a sync's task, as committed. */
    public Checkpoint checkpoint(Connection connection, BackfillTask sync) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT last_key, batches, rows_updated, finished FROM " + TABLE + " WHERE task = ?")) {
            st.setString(1, task(connection, sync));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new Checkpoint(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4))
                        : Checkpoint.START;
            }
        }
    }

    /** The open syncs whose backfill has not finished (a missing checkpoint table: none has started). */
    public <T extends BackfillTask> List<T> unfinished(Connection connection, List<T> open) throws SQLException {
        if (open.isEmpty()) {
            return List.of();
        }
        if (!exists(connection)) {
            return open;
        }
        List<T> left = new java.util.ArrayList<>();
        for (T sync : open) {
            if (!checkpoint(connection, sync).finished()) {
                left.add(sync);
            }
        }
        return left;
    }

    private String lastKeyNow(Connection connection, BackfillTask sync) throws SQLException {
        try (Statement st = connection.createStatement()) {
            timeout(st);
            try (ResultSet rs = st.executeQuery(sql.lastKey(sync.table(), sync.key()))) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /* A table empty when the backfill started (no bound) has nothing to copy: later rows are the sync's. */
    private Checkpoint batch(Connection connection, BackfillTask sync, Checkpoint at, String bound) throws SQLException {
        String end = bound == null ? null : nextBatchEnd(connection, sync, at, bound);
        Checkpoint next;
        if (end == null) {
            next = new Checkpoint(at.lastKey(), at.batches(), at.rowsUpdated(), true);
        } else {
            int updated;
            try (PreparedStatement st = connection.prepareStatement(sync.batchStatement(sql))) {
                timeout(st);
                st.setString(1, at.lastKey());
                st.setString(2, at.lastKey());
                st.setString(3, end);
                updated = st.executeUpdate();
            }
            next = new Checkpoint(end, at.batches() + 1, at.rowsUpdated() + updated, false);
        }
        record(connection, sync, next);
        return next;
    }

    private String nextBatchEnd(Connection connection, BackfillTask sync, Checkpoint at, String bound) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql.nextBatchEnd(sync.table(), sync.key(), sync.keyType(),
                settings.batchSize()))) {
            timeout(st);
            st.setString(1, at.lastKey());
            st.setString(2, at.lastKey());
            st.setString(3, bound);
            st.setString(4, bound);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private void record(Connection connection, BackfillTask sync, Checkpoint at) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE task = ?")) {
            delete.setString(1, task(connection, sync));
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (task, last_key, batches, rows_updated, finished, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, task(connection, sync));
            insert.setString(2, at.lastKey());
            insert.setLong(3, at.batches());
            insert.setLong(4, at.rowsUpdated());
            insert.setBoolean(5, at.finished());
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    /*
     * MySQL keeps one bookkeeping database per server, and its models name no database: the task
     * names the target's database, so two databases of a server never share a checkpoint.
     */
    private static String task(Connection connection, BackfillTask sync) throws SQLException {
        String catalog = connection.getCatalog();
        return (catalog == null ? "" : catalog + "/") + sync.task();
    }

    private void prepare(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String ddl : sql.createBackfillTable()) {
                st.execute(ddl);
            }
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.executeQuery("SELECT 1 FROM " + TABLE + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return false;
        }
    }

    private void timeout(Statement st) throws SQLException {
        long seconds = settings.statementTimeout().toSeconds();
        st.setQueryTimeout(seconds == 0 && !settings.statementTimeout().isZero() ? 1 : (int) Math.min(seconds, Integer.MAX_VALUE));
    }

    private String rowCount(BackfillTask sync) {
        return sql.countRows(sync.table(), sync.key(), sync.keyType());
    }

    private void pause() {
        try {
            Thread.sleep(settings.pause().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
