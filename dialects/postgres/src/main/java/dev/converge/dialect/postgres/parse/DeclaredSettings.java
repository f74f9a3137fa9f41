package dev.converge.dialect.postgres.parse;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DeclaredSettings follows, in file order as psql runs the files, the session settings that decide
 * how a routine is created: {@code search_path} (what an SQL body's unqualified names mean when the
 * server checks it) and {@code check_function_bodies} (whether it does; pg_dump turns it off). The
 * plan creates each routine under the settings in force where the files declare it.
 */
final class DeclaredSettings {
    private static final Pattern SET = Pattern.compile(
            "(?is)^\\s*set\\s+(?:session\\s+)?(search_path|check_function_bodies)\\s*(?:to|=)\\s*(.*?)\\s*;?\\s*$");
    private static final Pattern RESET = Pattern.compile(
            "(?is)^\\s*reset\\s+(search_path|check_function_bodies|all)\\s*;?\\s*$");
    private static final Pattern SET_CONFIG = Pattern.compile(
            "(?is)set_config\\s*\\(\\s*'(search_path|check_function_bodies)'\\s*,\\s*'((?:[^']|'')*)'\\s*,\\s*false\\s*\\)");
    private static final Set<String> ON = Set.of("on", "true", "yes", "1");

    private final Map<String, String> current = new TreeMap<>();

    /** The settings the files changed so far: name to value (search_path as written). */
    Map<String, String> current() {
        return Map.copyOf(current);
    }

    /** Takes the statement's effect on the settings, if it has one. */
    void after(String sql) {
        Matcher set = SET.matcher(sql);
        if (set.matches()) {
            put(set.group(1).toLowerCase(Locale.ROOT), set.group(2));
            return;
        }
        Matcher reset = RESET.matcher(sql);
        if (reset.matches()) {
            String name = reset.group(1).toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                current.clear();
            } else {
                current.remove(name);
            }
            return;
        }
        Matcher config = SET_CONFIG.matcher(sql);
        while (config.find()) {
            put(config.group(1).toLowerCase(Locale.ROOT), "'" + config.group(2) + "'");
        }
    }

    private void put(String name, String written) {
        if (written.equalsIgnoreCase("default")) {
            current.remove(name);
        } else if (name.equals("check_function_bodies")) {
            String value = written.replace("'", "").strip().toLowerCase(Locale.ROOT);
            if (ON.contains(value)) {
                current.remove(name);
            } else {
                current.put(name, "off");
            }
        } else {
            current.put(name, written.strip());
        }
    }
}
