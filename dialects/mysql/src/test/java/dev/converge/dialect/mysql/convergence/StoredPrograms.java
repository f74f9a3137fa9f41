package dev.converge.dialect.mysql.convergence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * StoredPrograms is the oracle's view of triggers, routines and events: the server's own
 * information_schema rows, field by field, with nothing of Converge's canonical text in between.
 * SHOW CREATE is not used for them because it repeats the statement as it was written (letter case,
 * parameter spelling), and the target's statements were written by Converge, the fresh database's by
 * hand. What is a moment rather than schema is left out: when an event was created and last ran, and
 * a STARTS already passed (a recurring event without STARTS starts when it is created).
 */
final class StoredPrograms {
    private StoredPrograms() {
    }

    static void addTo(Map<String, String> out, Connection c) throws SQLException {
        query(c, out, "trigger", "SELECT TRIGGER_NAME, CONCAT_WS(' | ', EVENT_OBJECT_TABLE, ACTION_TIMING,"
                + " EVENT_MANIPULATION, ACTION_ORDER, ACTION_STATEMENT, DEFINER, SQL_MODE)"
                + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()");
        query(c, out, "routine", "SELECT CONCAT(ROUTINE_TYPE, ' ', ROUTINE_NAME), CONCAT_WS(' | ', DTD_IDENTIFIER,"
                + " ROUTINE_DEFINITION, IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE, ROUTINE_COMMENT, DEFINER,"
                + " SQL_MODE, (SELECT GROUP_CONCAT(CONCAT_WS(' ', PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER)"
                + " ORDER BY ORDINAL_POSITION) FROM information_schema.PARAMETERS p WHERE p.SPECIFIC_SCHEMA ="
                + " r.ROUTINE_SCHEMA AND p.SPECIFIC_NAME = r.ROUTINE_NAME AND p.ROUTINE_TYPE = r.ROUTINE_TYPE"
                + " AND p.ORDINAL_POSITION > 0)) FROM information_schema.ROUTINES r WHERE ROUTINE_SCHEMA = DATABASE()");
        query(c, out, "event", "SELECT EVENT_NAME, CONCAT_WS(' | ', EVENT_DEFINITION, EVENT_TYPE, EXECUTE_AT,"
                + " INTERVAL_VALUE, INTERVAL_FIELD, IF(STARTS > NOW(), STARTS, 'started'), ENDS, STATUS,"
                + " ON_COMPLETION, EVENT_COMMENT, DEFINER, SQL_MODE)"
                + " FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()");
    }

    private static void query(Connection c, Map<String, String> out, String kind, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(kind + " " + rs.getString(1), rs.getString(2).replace("\r\n", "\n").strip());
            }
        }
    }
}
