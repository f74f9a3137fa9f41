package dev.converge.dialect.postgres.parse;

import dev.converge.grammar.support.LeadingWords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SessionState is the set of session settings a desired-state file changed (search_path,
 * check_function_bodies, ...) as they stood at one place in the files. A statement the loader
 * retries later runs under the state captured where it was written, never under the settings of
 * whatever ran since: psql reads it there, so that is what it means.
 *
 * @param settings setting name to value, as {@code current_setting} prints it
 */
record SessionState(Map<String, String> settings) {
    /** The state of a fresh session: nothing changed. */
    static final SessionState INITIAL = new SessionState(Map.of());

    private static final Pattern SET_CONFIG = Pattern.compile("(?i)\\bset_config\\s*\\(");

    SessionState {
        settings = Map.copyOf(settings);
    }

    /** True for a statement that changes the session: SET, RESET, or a call of set_config. */
    static boolean changesSession(String sql) {
        List<String> first = LeadingWords.of(sql, 1);
        if (!first.isEmpty() && (first.get(0).equals("SET") || first.get(0).equals("RESET"))) {
            return true;
        }
        return SET_CONFIG.matcher(sql).find();
    }

    /** The settings the session changed so far (the server says which: source 'session'). */
    static SessionState capture(Connection connection) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, pg_catalog.current_setting(name) FROM pg_catalog.pg_settings"
                     + " WHERE source = 'session' ORDER BY name")) {
            while (rs.next()) {
                settings.put(rs.getString(1), rs.getString(2));
            }
        }
        return new SessionState(settings);
    }

    /** Puts the session back in this state: every setting to its session-start value, then these. */
    void restore(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("RESET ALL");
        }
        try (PreparedStatement set = connection.prepareStatement("SELECT pg_catalog.set_config(?, ?, false)")) {
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                set.setString(1, setting.getKey());
                set.setString(2, setting.getValue());
                set.executeQuery().close();
            }
        }
    }
}
