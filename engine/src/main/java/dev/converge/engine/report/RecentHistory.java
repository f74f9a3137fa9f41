package dev.converge.engine.report;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.fleet.Fleet;
import dev.converge.engine.fleet.FleetTarget;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.HistoryEntry;
import dev.converge.engine.spi.HistoryStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * RecentHistory reads the last applies of every target of an environment for the report's
 * timelines: one query per database (tenant schemas share their database's history table, so 1,000
 * tenants of one database are one read, not 1,000), the databases of a database-per-tenant fleet
 * over as many connections as the environment's parallelism allows. A database that cannot be read
 * gives no history; its targets are already shown unreachable by the plan.
 */
public final class RecentHistory {
    private RecentHistory() {
    }

    /** Per target name, at most {@code perTarget} applies, newest first. */
    public static Map<String, List<HistoryEntry>> of(Fleet fleet, int perTarget) {
        Map<DatabaseUrl, List<FleetTarget>> byDatabase = new LinkedHashMap<>();
        fleet.targets().forEach(t -> byDatabase.computeIfAbsent(t.url(), k -> new ArrayList<>()).add(t));
        int parallelism = Math.max(1, fleet.parallelism());
        List<Runnable> work = new ArrayList<>();
        Map<String, List<HistoryEntry>> history = new ConcurrentHashMap<>();
        byDatabase.forEach((url, targets) -> work.add(() -> read(fleet, url, targets, perTarget, history)));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, work.size())));
        try {
            List<Future<?>> running = work.stream().<Future<?>>map(pool::submit).toList();
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the history failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return Map.copyOf(history);
    }

    private static void read(Fleet fleet, DatabaseUrl url, List<FleetTarget> targets, int perTarget,
                             Map<String, List<HistoryEntry>> into) {
        HistoryStore store = fleet.dialect().history();
        try (Connection connection = fleet.dialect().connect(url)) {
            Map<String, List<HistoryEntry>> recent = store.recentByTarget(connection, targets.get(0).environment(),
                    perTarget, false);
            // Only this fleet's targets: a shard, or a tenant since removed, shares the table.
            targets.forEach(t -> into.put(t.name(), recent.getOrDefault(t.name(), List.of())));
        } catch (SQLException | ConvergeException e) {
            // Unreachable: the plan already shows its targets as such; they get no timeline.
        }
    }
}
