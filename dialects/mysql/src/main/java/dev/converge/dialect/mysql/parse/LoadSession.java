package dev.converge.dialect.mysql.parse;

import dev.converge.engine.source.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * LoadSession keeps the shadow connection's session as the mysql client would have it at each
 * statement of a file: the {@code SET} statements written before it in the same file (sql_mode,
 * character sets, time zone), and nothing from other files, whose sessions start afresh. A
 * statement retried in a later pass runs again under its own file position's settings: the session
 * is reset to how it was before loading and the settings in force there are run again.
 *
 * <p>{@code foreign_key_checks} is the loader's: off, so that tables may reference tables that later
 * files create, except for an {@code ALTER TABLE} that adds a foreign key (see {@link #enter}).
 */
final class LoadSession implements AutoCloseable {
    /** The session variables a file's settings may change and the loader puts back between contexts. */
    private static final List<String> RESTORED = List.of("sql_mode", "character_set_client", "character_set_results",
            "collation_connection", "time_zone", "unique_checks", "sql_notes", "sql_quote_show_create",
            "explicit_defaults_for_timestamp", "default_storage_engine");

    private final Connection connection;
    private final List<Object> baseline = new ArrayList<>();
    private List<SqlStatement> applied = List.of();
    private Boolean foreignKeyChecks;

    LoadSession(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT "
                + String.join(", ", RESTORED.stream().map(v -> "@@SESSION." + v).toList()))) {
            rs.next();
            for (int i = 1; i <= RESTORED.size(); i++) {
                baseline.add(rs.getObject(i));
            }
        }
    }

    /**
     * Puts the session in the state of a statement's position: its file's settings before it, and
     * foreign-key checks on only when {@code checkForeignKeys}. MariaDB records RESTRICT as NO ACTION
     * when an ALTER TABLE adds a foreign key with checks off (the in-place path); with checks on it
     * copies the (empty) table and keeps the rule as written, as CREATE TABLE always does.
     *
     * @return the setting that failed, or null
     */
    SqlStatement enter(List<SqlStatement> settings, boolean checkForeignKeys) throws SQLException {
        if (!startsWith(settings, applied)) {
            reset();
        }
        for (SqlStatement setting : settings.subList(applied.size(), settings.size())) {
            // a file's own SET may have turned checks on or off (mysqldump restores them at its end)
            foreignKeyChecks = null;
            try (Statement st = connection.createStatement()) {
                st.setEscapeProcessing(false);
                st.execute(setting.sql());
            } catch (SQLException e) {
                applied = settings;
                reset();
                return setting;
            }
        }
        applied = settings;
        if (foreignKeyChecks == null || foreignKeyChecks != checkForeignKeys) {
            try (Statement st = connection.createStatement()) {
                st.execute("SET SESSION foreign_key_checks = " + (checkForeignKeys ? 1 : 0));
            }
            foreignKeyChecks = checkForeignKeys;
        }
        return null;
    }

    /** The session as it was before loading: the inspector reads the shadow through it next. */
    @Override
    public void close() throws SQLException {
        reset();
        try (Statement st = connection.createStatement()) {
            st.execute("SET SESSION foreign_key_checks = 1");
        }
        foreignKeyChecks = true;
    }

    private void reset() throws SQLException {
        if (applied.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("SET ");
        for (int i = 0; i < RESTORED.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("SESSION ").append(RESTORED.get(i)).append(" = ?");
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < baseline.size(); i++) {
                ps.setObject(i + 1, baseline.get(i));
            }
            ps.execute();
        }
        applied = List.of();
        foreignKeyChecks = null;
    }

    private static boolean startsWith(List<SqlStatement> list, List<SqlStatement> prefix) {
        return prefix.size() <= list.size() && list.subList(0, prefix.size()).equals(prefix);
    }
}
