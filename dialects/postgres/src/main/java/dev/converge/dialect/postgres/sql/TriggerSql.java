package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.model.Trigger;
import dev.converge.engine.model.TriggerState;
import java.util.ArrayList;
import java.util.List;

/** TriggerSql writes triggers: pg_get_triggerdef's CREATE TRIGGER, then the enable state if not the default. */
final class TriggerSql {
    private TriggerSql() {
    }

    static List<String> create(Trigger trigger) {
        List<String> sql = new ArrayList<>();
        sql.add(ViewSql.stripTerminator(trigger.definition()));
        if (trigger.enabled() != TriggerState.ENABLED) {
            sql.add(state(trigger));
        }
        return sql;
    }

    static String drop(Trigger trigger) {
        return "DROP TRIGGER " + quote(trigger.name()) + " ON " + quote(trigger.table());
    }

    /** {@code ALTER TABLE t ENABLE|DISABLE|ENABLE REPLICA|ENABLE ALWAYS TRIGGER tg}. */
    static String state(Trigger trigger) {
        String verb = switch (trigger.enabled()) {
            case ENABLED -> "ENABLE";
            case DISABLED -> "DISABLE";
            case REPLICA -> "ENABLE REPLICA";
            case ALWAYS -> "ENABLE ALWAYS";
        };
        return "ALTER TABLE " + quote(trigger.table()) + " " + verb + " TRIGGER " + quote(trigger.name());
    }
}
