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
 * timelines: one indexed query per target, over as many connections per database as the
 * environment's parallelism allows (tenant schemas share their database's history table). A database
 * that cannot be read gives no history; its targets are already shown unreachable by the plan.
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
        byDatabase.forEach((url, targets) -> {
            int chunk = (targets.size() + parallelism - 1) / parallelism;
            for (int from = 0; from < targets.size(); from += chunk) {
                List<FleetTarget> slice = targets.subList(from, Math.min(targets.size(), from + chunk));
                work.add(() -> read(fleet, url, slice, perTarget, history));
            }
        });
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
            for (FleetTarget target : targets) {
                into.put(target.name(), store.listFor(connection, target.environment(), target.name(), perTarget));
            }
        } catch (SQLException | ConvergeException e) {
            // Unreachable: the plan already shows its targets as such; they get no timeline.
        }
    }
}
