package dev.converge.dialect.mysql.inspect;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.TriggerState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TriggerReader reads every trigger of the database in one query and writes each as the canonical
 * CREATE TRIGGER statement Converge compares and runs. MySQL runs the triggers of one table, timing and
 * event in ACTION_ORDER; the order itself is not stored as a clause, so a trigger that is not the
 * first of its group is written {@code FOLLOWS `previous`} and depends on that trigger: it is created
 * after it, and recreated when it is (a recreated trigger would otherwise go last). MySQL triggers
 * have no enable state (always enabled) and run no separate function.
 *
 * <p>The canonical statement is what is compared; the statement as it was written (SHOW CREATE TRIGGER,
 * one query per trigger) is what a trigger is created from (see {@link Trigger#writtenAs}).
 */
final class TriggerReader {
    private final Definers definers;

    TriggerReader(Definers definers) {
        this.definers = definers;
    }

    private static final Pattern CREATE_DEFINER = Pattern.compile(
            "CREATE\\s+DEFINER\\s*=\\s*(?:`(?:[^`]|``)*`|'[^']*'|[^\\s@]+)(?:\\s*@\\s*(?:`(?:[^`]|``)*`|'[^']*'|[^\\s]+))?\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDER = Pattern.compile(
            "(\\bFOR\\s+EACH\\s+ROW\\s+)(?:(?:FOLLOWS|PRECEDES)\\s+(?:`(?:[^`]|``)+`|\\w+)\\s+)?",
            Pattern.CASE_INSENSITIVE);

    List<Trigger> read(Connection connection, Set<String> tables) throws SQLException {
        List<Found> found = new ArrayList<>();
        String group = null;
        String previous = null;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT, DEFINER,"
                        + " SQL_MODE, CHARACTER_SET_CLIENT, COLLATION_CONNECTION"
                        + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"
                        + " ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String table = rs.getString(2);
                if (!tables.contains(table)) {
                    continue;
                }
                String thisGroup = table + "\u0000" + rs.getString(3) + "\u0000" + rs.getString(4);
                if (!thisGroup.equals(group)) {
                    group = thisGroup;
                    previous = null;
                }
                QualifiedName on = MysqlInspector.name(table);
                StringBuilder sql = definers.create(rs, 7, 6).append("TRIGGER ").append(quote(name)).append(' ').append(rs.getString(3)).append(' ')
                        .append(rs.getString(4)).append(" ON ").append(quote(table)).append(" FOR EACH ROW ");
                List<ObjectRef> dependsOn = List.of();
                if (previous != null) {
                    sql.append("FOLLOWS ").append(quote(previous)).append(' ');
                    dependsOn = List.of(ObjectRef.member(ObjectKind.TRIGGER, on, previous));
                }
                sql.append(ProgramBodies.normalize(rs.getString(5)));
                found.add(new Found(on, name, sql.toString(), dependsOn, rs.getString(6), previous));
                previous = name;
            }
        }
        List<Trigger> triggers = new ArrayList<>();
        for (Found f : found) {
            triggers.add(new Trigger(f.table, f.name, f.definition, TriggerState.ENABLED, null, null, f.dependsOn,
                    writtenAs(originalStatement(connection, f.name), f.definer, f.follows)));
        }
        return triggers;
    }

    private record Found(QualifiedName table, String name, String definition, List<ObjectRef> dependsOn,
                         String definer, String follows) {
    }

    /**
     * SHOW CREATE TRIGGER, one per trigger: the statement as it was written is the one thing
     * information_schema does not have. The server keeps it and prints it (SHOW CREATE, mysqldump);
     * Converge creates a trigger from it so that what the server shows stays what the team wrote.
     */
    private static String originalStatement(Connection connection, String trigger) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SHOW CREATE TRIGGER " + quote(trigger))) {
            return rs.next() ? rs.getString("SQL Original Statement") : null;
        }
    }

    /**
     * The original statement with Converge's definer clause (the server always inserts one) and its
     * order clause: FOLLOWS the previous trigger of the group, whatever FOLLOWS or PRECEDES was written
     * (MariaDB does not keep it; a PRECEDES would name a trigger that may not exist yet).
     */
    String writtenAs(String original, String definer, String follows) {
        if (original == null) {
            return null;
        }
        Matcher create = CREATE_DEFINER.matcher(original);
        String text = create.lookingAt() ? "CREATE " + definers.clause(definer) + original.substring(create.end())
                : original;
        Matcher order = ORDER.matcher(text);
        if (!order.find()) {
            return ProgramBodies.normalize(text);
        }
        String clause = follows == null ? "" : "FOLLOWS " + quote(follows) + " ";
        return ProgramBodies.normalize(text.substring(0, order.end(1)) + clause + text.substring(order.end()));
    }
}
