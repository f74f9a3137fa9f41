package dev.converge.dialect.mysql.sql;

import static dev.converge.dialect.mysql.MysqlIdentifiers.quote;

import dev.converge.dialect.mysql.ProgramContext;
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
 * an event is changed in place with ALTER EVENT, which takes every clause CREATE EVENT takes. Each runs
 * under the sql_mode and character sets its definition records ({@link ProgramContext}).
 */
final class ProgramSql {
    private static final String CREATE = "CREATE ";

    private ProgramSql() {
    }

    static List<String> create(Routine routine) {
        return inContext(routine.definition(), List.of(ProgramContext.statement(routine.definition())));
    }

    static List<String> replace(Routine from, Routine to) {
        String statement = ProgramContext.statement(to.definition());
        if (to.kind() == RoutineKind.EVENT) {
            return inContext(to.definition(), List.of("ALTER " + statement.substring(CREATE.length())));
        }
        // IF EXISTS: if the CREATE fails, the step is not done and a resume runs it again from the DROP.
        return inContext(to.definition(),
                List.of("DROP " + from.kind().keyword() + " IF EXISTS " + quote(from.name().name()), statement));
    }

    static List<String> drop(Routine routine) {
        return List.of("DROP " + routine.kind().keyword() + " " + quote(routine.name().name()));
    }

    /** As the team wrote it (with Converge's FOLLOWS), so SHOW CREATE TRIGGER and dumps show their text. */
    static List<String> create(Trigger trigger) {
        return inContext(trigger.definition(), List.of(ProgramContext.statement(trigger.createStatement())));
    }

    /** The statements under the sql_mode and character sets the definition records, when it records them. */
    private static List<String> inContext(String definition, List<String> statements) {
        return ProgramContext.of(definition).map(c -> c.around(statements)).orElse(statements);
    }

    static List<String> drop(Trigger trigger) {
        return List.of("DROP TRIGGER " + quote(trigger.name()));
    }
}
