package dev.converge.dialect.mysql.inspect;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.engine.model.ObjectKind;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Trigger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TriggerReader reads every trigger of the database in one query and writes each as the canonical
 * CREATE TRIGGER statement Converge compares and runs. MySQL runs the triggers of one table, timing and
 * event in ACTION_ORDER; the order itself is not stored as a clause, so a trigger that is not the
 * first of its group is written {@code FOLLOWS `previous`} and depends on that trigger: it is created
 * after it, and recreated when it is (a recreated trigger would otherwise go last). MySQL triggers
 * have no enable state ("O", always enabled) and run no separate function.
 */
final class TriggerReader {
    private final Definers definers;

    TriggerReader(Definers definers) {
        this.definers = definers;
    }

    List<Trigger> read(Connection connection, Set<String> tables) throws SQLException {
        List<Trigger> triggers = new ArrayList<>();
        String group = null;
        String previous = null;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT, DEFINER"
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
                StringBuilder sql = new StringBuilder("CREATE ").append(definers.clause(rs.getString(6)))
                        .append("TRIGGER ").append(quote(name)).append(' ').append(rs.getString(3)).append(' ')
                        .append(rs.getString(4)).append(" ON ").append(quote(table)).append(" FOR EACH ROW ");
                List<ObjectRef> dependsOn = List.of();
                if (previous != null) {
                    sql.append("FOLLOWS ").append(quote(previous)).append(' ');
                    dependsOn = List.of(ObjectRef.member(ObjectKind.TRIGGER, on, previous));
                }
                sql.append(ProgramBodies.normalize(rs.getString(5)));
                triggers.add(new Trigger(on, name, sql.toString(), "O", null, null, dependsOn));
                previous = name;
            }
        }
        return triggers;
    }
}
