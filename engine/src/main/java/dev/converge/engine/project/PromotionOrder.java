package dev.converge.engine.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PromotionOrder orders environments by their {@code after} links (dev, then staging after dev, then
 * prod after staging), keeping declaration order among environments that do not depend on each other.
 */
public final class PromotionOrder {
    private PromotionOrder() {
    }

    /** The environments in promotion order; the links must be acyclic (the reader checks). */
    public static List<EnvironmentConfig> of(Collection<EnvironmentConfig> environments) {
        Map<String, EnvironmentConfig> byName = new LinkedHashMap<>();
        environments.forEach(e -> byName.put(e.name(), e));
        Set<String> placed = new LinkedHashSet<>();
        for (EnvironmentConfig env : environments) {
            place(env, byName, placed, new LinkedHashSet<>());
        }
        return placed.stream().map(byName::get).toList();
    }

    /** The first cycle of {@code after} links, as the names along it (a, b, a), if there is one. */
    public static Optional<List<String>> cycle(Collection<EnvironmentConfig> environments) {
        Map<String, String> after = new LinkedHashMap<>();
        environments.forEach(e -> after.put(e.name(), e.after()));
        for (String start : after.keySet()) {
            List<String> path = new ArrayList<>();
            String at = start;
            while (at != null && after.containsKey(at)) {
                int seen = path.indexOf(at);
                if (seen >= 0) {
                    List<String> loop = new ArrayList<>(path.subList(seen, path.size()));
                    loop.add(at);
                    return Optional.of(loop);
                }
                path.add(at);
                at = after.get(at);
            }
        }
        return Optional.empty();
    }

    private static void place(EnvironmentConfig env, Map<String, EnvironmentConfig> byName, Set<String> placed,
                              Set<String> visiting) {
        if (placed.contains(env.name()) || !visiting.add(env.name())) {
            return;
        }
        EnvironmentConfig before = env.after() == null ? null : byName.get(env.after());
        if (before != null) {
            place(before, byName, placed, visiting);
        }
        placed.add(env.name());
    }
}
