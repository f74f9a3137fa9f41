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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RecentHistory reads the last applies of every target of an environment for the report's
 * timelines: one connection per database (tenant schemas share their database's history table) and
 * one indexed query per target. A database that cannot be read gives no history; its targets are
 * already shown unreachable by the plan.
 */
public final class RecentHistory {
    private RecentHistory() {
    }

    /** Per target name, at most {@code perTarget} applies, newest first. */
    public static Map<String, List<HistoryEntry>> of(Fleet fleet, int perTarget) {
        Map<DatabaseUrl, List<FleetTarget>> byDatabase = new LinkedHashMap<>();
        fleet.targets().forEach(t -> byDatabase.computeIfAbsent(t.url(), k -> new ArrayList<>()).add(t));
        HistoryStore store = fleet.dialect().history();
        Map<String, List<HistoryEntry>> history = new HashMap<>();
        byDatabase.forEach((url, targets) -> {
            try (Connection connection = fleet.dialect().connect(url)) {
                for (FleetTarget target : targets) {
                    history.put(target.name(), store.listFor(connection, target.environment(), target.name(), perTarget));
                }
            } catch (SQLException | ConvergeException e) {
                // Unreachable: the plan already shows its targets as such; they get no timeline.
            }
        });
        return history;
    }
}
