package dev.converge.engine.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HistoryStore keeps the record of every apply, and the checkpoints of its steps, in the target
 * itself, in the {@link InspectScope#BOOKKEEPING_SCHEMA} schema, created on first use. Every method
 * runs in the caller's transaction (or in autocommit), so a checkpoint commits with its work.
 *
 * <p>The checkpoint methods have defaults that refuse, so a dialect that has not implemented them yet
 * still compiles; the applier needs them all.
 */
public interface HistoryStore {
    /** Creates the bookkeeping schema and tables if missing (and adds columns newer versions need). */
    void ensure(Connection connection) throws SQLException;

    /** Records one apply and returns its id. */
    long record(Connection connection, HistoryEntry entry) throws SQLException;

    /** Past applies, newest first; empty when Converge never applied here. */
    List<HistoryEntry> list(Connection connection, int limit) throws SQLException;

    /**
     * Past applies for one project target (tenant schemas share their database's history), newest
     * first. Dialects may answer it with a query; this default filters.
     */
    default List<HistoryEntry> listFor(Connection connection, String environment, String target, int limit)
            throws SQLException {
        return list(connection, Integer.MAX_VALUE / 2).stream()
                .filter(e -> environment.equals(e.environment()) && target.equals(e.target()))
                .limit(limit).toList();
    }

    /**
     * The newest apply of one project target that ran to its end (converged or applied), or empty.
     * Dialects may answer it with a query; this default filters.
     */
    default Optional<HistoryEntry> lastSucceeded(Connection connection, String environment, String target)
            throws SQLException {
        return listFor(connection, environment, target, Integer.MAX_VALUE / 2).stream()
                .filter(HistoryEntry::succeeded).findFirst();
    }

    /**
     * The newest applies of every target of one environment recorded here, at most {@code perTarget}
     * each, newest first, by target name: what {@link #listFor} gives for each target, in one read. A
     * fleet's tenant schemas share their database's history, so a report or a plan of 1,000 tenants
     * reads it once per database rather than once per tenant. Dialects may answer it with one query;
     * this default filters.
     *
     * @param succeededOnly only applies that ran to their end (as {@link #lastSucceeded})
     */
    default Map<String, List<HistoryEntry>> recentByTarget(Connection connection, String environment, int perTarget,
                                                           boolean succeededOnly) throws SQLException {
        Map<String, List<HistoryEntry>> byTarget = new LinkedHashMap<>();
        for (HistoryEntry entry : list(connection, Integer.MAX_VALUE / 2)) {
            if (environment.equals(entry.environment()) && entry.target() != null
                    && (!succeededOnly || entry.succeeded())) {
                List<HistoryEntry> kept = byTarget.computeIfAbsent(entry.target(), t -> new ArrayList<>());
                if (kept.size() < perTarget) {
                    kept.add(entry);
                }
            }
        }
        return byTarget;
    }

    /** One apply by id. */
    default Optional<HistoryEntry> find(Connection connection, long id) throws SQLException {
        return list(connection, Integer.MAX_VALUE).stream().filter(e -> e.id() == id).findFirst();
    }

    /** Sets the status, outcome and duration of a recorded apply. */
    default void finish(Connection connection, long id, String status, String outcome, long durationMillis)
            throws SQLException {
        throw new UnsupportedOperationException("this dialect's history store keeps no apply status");
    }

    /** Records one step's checkpoint. */
    default void checkpoint(Connection connection, Checkpoint checkpoint) throws SQLException {
        throw new UnsupportedOperationException("this dialect's history store keeps no checkpoints");
    }

    /** The checkpoints of one apply, in the order they were recorded. */
    default List<Checkpoint> checkpoints(Connection connection, long applyId) throws SQLException {
        throw new UnsupportedOperationException("this dialect's history store keeps no checkpoints");
    }
}
