package dev.converge.engine.fleet;

import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.HistoryStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LatestApplies holds, per target, the two history rows a fleet plan needs: the newest apply (its
 * outcome is shown) and the newest one that ran to its end (drift is measured from its snapshot).
 * Tenant schemas share their database's history table, so the rows of every tenant of a database
 * are read in two queries instead of two per tenant. A target it does not hold (a database of its
 * own, or a database whose read failed) is read on its own connection while it is planned, and
 * reports its own error there.
 */
final class LatestApplies {
    /** The two rows of one target; either may be null (never applied, or never successfully). */
    record Latest(HistoryEntry latest, HistoryEntry lastSucceeded) {
    }

    private final Map<FleetTarget, Latest> read;

    private LatestApplies(Map<FleetTarget, Latest> read) {
        this.read = read;
    }

    /** The rows of this target, or null when they were not read in bulk. */
    Latest of(FleetTarget target) {
        return read.get(target);
    }

    static LatestApplies read(HistoryStore store, List<FleetTarget> targets, TargetConnections connections) {
        Map<String, List<FleetTarget>> byDatabase = new LinkedHashMap<>();
        targets.forEach(t -> byDatabase.computeIfAbsent(t.url().jdbcUrl() + '\n' + t.environment(),
                k -> new ArrayList<>()).add(t));
        Map<FleetTarget, Latest> read = new HashMap<>();
        for (List<FleetTarget> sharing : byDatabase.values()) {
            if (sharing.size() < 2) {
                continue;
            }
            String environment = sharing.get(0).environment();
            try (Connection connection = connections.open(sharing.get(0))) {
                Map<String, List<HistoryEntry>> newest = store.recentByTarget(connection, environment, 1, false);
                Map<String, List<HistoryEntry>> succeeded = store.recentByTarget(connection, environment, 1, true);
                sharing.forEach(t -> read.put(t, new Latest(first(newest.get(t.name())), first(succeeded.get(t.name())))));
            } catch (SQLException | RuntimeException e) {
                // Each target then reads its own rows while it is planned, and reports its own error.
            }
        }
        return new LatestApplies(read);
    }

    private static HistoryEntry first(List<HistoryEntry> entries) {
        return entries == null || entries.isEmpty() ? null : entries.get(0);
    }
}
