package dev.converge.dialect.mysql.sql;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.engine.model.Routine;
import dev.converge.engine.model.RoutineKind;
import dev.converge.engine.model.Trigger;
import java.util.List;

/**
 * ProgramSql writes the statements for MySQL's stored programs: functions, procedures, events (kept
 * as routines of kind EVENT) and triggers. Their definitions are the canonical CREATE statements the
 * inspector wrote, run as they are. MySQL cannot change the body or parameters of a routine or a
 * trigger in place (ALTER FUNCTION/PROCEDURE change only characteristics, and there is no CREATE OR
 * REPLACE in MySQL 8), so a changed function or procedure is dropped and created again in one step;
 * an event is changed in place with ALTER EVENT, which takes every clause CREATE EVENT takes.
 */
final class ProgramSql {
    private static final String CREATE = "CREATE ";

    private ProgramSql() {
    }

    static List<String> create(Routine routine) {
        return List.of(routine.definition());
    }

    static List<String> replace(Routine from, Routine to) {
        if (to.kind() == RoutineKind.EVENT) {
            return List.of("ALTER " + to.definition().substring(CREATE.length()));
        }
        // IF EXISTS: if the CREATE fails, the step is not done and a resume runs it again from the DROP.
        return List.of("DROP " + from.kind().keyword() + " IF EXISTS " + quote(from.name().name()), to.definition());
    }

    static List<String> drop(Routine routine) {
        return List.of("DROP " + routine.kind().keyword() + " " + quote(routine.name().name()));
    }

    /** As the team wrote it (with Converge's FOLLOWS), so SHOW CREATE TRIGGER and dumps show their text. */
    static List<String> create(Trigger trigger) {
        return List.of(trigger.createStatement());
    }

    static List<String> drop(Trigger trigger) {
        return List.of("DROP TRIGGER " + quote(trigger.name()));
    }
}
