package dev.converge.dialect.mysql.inspect;

import static dev.converge.dialect.mysql.MysqlIdentifiers.literal;
import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.engine.model.Routine;
import dev.converge.engine.model.RoutineKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * EventReader reads every event of the database in one query and writes each as the canonical CREATE
 * EVENT statement Converge compares and runs: the schedule (AT, or EVERY with STARTS and ENDS), ON
 * COMPLETION, the status, the comment and the body. Events are stored programs like routines and are
 * kept in the engine's routine list with the kind EVENT, so that they are created, changed (ALTER
 * EVENT, which MySQL has) and dropped like routines.
 *
 * <p>A recurring event created without STARTS starts when it is created, and the server records that
 * moment; the shadow's event is always created "now". So a STARTS that has already passed is left out
 * on both sides: it cannot be told from the moment of creation. A STARTS still to come, ENDS and AT
 * are kept.
 */
final class EventReader {
    private final Definers definers;

    EventReader(Definers definers) {
        this.definers = definers;
    }

    List<Routine> read(Connection connection) throws SQLException {
        List<Routine> events = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT EVENT_NAME, DEFINER, EVENT_DEFINITION, EVENT_TYPE, EXECUTE_AT, INTERVAL_VALUE, INTERVAL_FIELD,"
                        + " STARTS > NOW(), DATE_FORMAT(STARTS, '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(ENDS, '%Y-%m-%d %H:%i:%s'),"
                        + " DATE_FORMAT(EXECUTE_AT, '%Y-%m-%d %H:%i:%s'), STATUS, ON_COMPLETION, EVENT_COMMENT,"
                        + " SQL_MODE, CHARACTER_SET_CLIENT, COLLATION_CONNECTION"
                        + " FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE() ORDER BY EVENT_NAME")) {
            while (rs.next()) {
                String name = rs.getString(1);
                StringBuilder sql = definers.create(rs, 15, 2).append("EVENT ").append(quote(name)).append("\nON SCHEDULE ");
                if ("ONE TIME".equals(rs.getString(4))) {
                    sql.append("AT ").append(literal(rs.getString(11)));
                } else {
                    sql.append("EVERY ").append(interval(rs.getString(6))).append(' ').append(rs.getString(7));
                    if (rs.getBoolean(8)) {
                        sql.append(" STARTS ").append(literal(rs.getString(9)));
                    }
                    if (rs.getString(10) != null) {
                        sql.append(" ENDS ").append(literal(rs.getString(10)));
                    }
                }
                sql.append("\nON COMPLETION ").append(rs.getString(13)).append(' ').append(status(rs.getString(12)));
                // Always written: ALTER EVENT without COMMENT keeps the old one, so a removed comment must be ''.
                String comment = rs.getString(14);
                sql.append(" COMMENT ").append(literal(comment == null ? "" : comment));
                sql.append("\nDO ").append(ProgramBodies.normalize(rs.getString(3)));
                events.add(new Routine(MysqlInspector.name(name), "", RoutineKind.EVENT, "", null, sql.toString(),
                        List.of(), null));
            }
        }
        return events;
    }

    /**
     * A plain number as it is ({@code 1}); a compound value quoted ({@code '1:30'} HOUR_MINUTE), which
     * MariaDB already stores with its quotes.
     */
    private static String interval(String value) {
        return value.matches("\\d+") || value.startsWith("'") ? value : literal(value);
    }

    private static String status(String status) {
        switch (status) {
            case "DISABLED":
                return "DISABLE";
            case "SLAVESIDE_DISABLED":
                return "DISABLE ON SLAVE";
            default:
                return "ENABLE";
        }
    }
}
