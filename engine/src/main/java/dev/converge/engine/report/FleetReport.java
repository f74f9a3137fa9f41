package dev.converge.engine.report;

import dev.converge.engine.fleet.FleetPlan;
import dev.converge.engine.spi.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * FleetReport is what {@code converge report} shows: every environment in promotion order, with the
 * same fleet plan {@code status} and {@code drift} are made from, and each target's recent history.
 *
 * @param generatedAt when the report was made (shown, and passed in so that tests are repeatable)
 */
public record FleetReport(Instant generatedAt, List<Environment> environments) {
    public FleetReport {
        environments = List.copyOf(environments);
    }

    /**
     * One environment of converge.yaml.
     *
     * @param after   the environment it is promoted from, or null
     * @param plan    its fleet plan, or null when the environment could not be read at all
     * @param error   why it could not be read (passwords redacted), or null
     * @param history per target name, its recent applies, newest first
     */
    public record Environment(String name, String after, FleetPlan plan, String error,
                              Map<String, List<HistoryEntry>> history) {
        public Environment {
            history = history == null ? Map.of() : Map.copyOf(history);
        }

        public static Environment unreadable(String name, String after, String error) {
            return new Environment(name, after, null, error, Map.of());
        }

        public List<HistoryEntry> historyOf(String target) {
            return history.getOrDefault(target, List.of());
        }
    }
}
