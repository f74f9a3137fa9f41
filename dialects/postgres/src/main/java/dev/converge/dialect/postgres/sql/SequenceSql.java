package dev.converge.dialect.postgres.sql;

import static dev.converge.dialect.postgres.PostgresIdentifiers.quote;

import dev.converge.engine.change.AlterSequence;
import dev.converge.engine.model.ObjectRef;
import dev.converge.engine.model.Sequence;

/** SequenceSql writes CREATE / ALTER / DROP SEQUENCE and OWNED BY. */
final class SequenceSql {
    private SequenceSql() {
    }

    /** Every option is spelled out so the result does not depend on the server's defaults. */
    static String create(Sequence s) {
        return "CREATE SEQUENCE " + quote(s.name()) + " AS " + s.dataType() + " INCREMENT BY " + s.increment()
                + " MINVALUE " + s.minValue() + " MAXVALUE " + s.maxValue() + " START WITH " + s.start()
                + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }

    /**
     * Only the options that differ. When the type changes the bounds are always written: ALTER
     * SEQUENCE ... AS silently resets bounds that equal the old type's limits to the new type's.
     */
    static String alter(AlterSequence change) {
        Sequence from = change.from();
        Sequence to = change.to();
        boolean typeChanges = !from.dataType().equals(to.dataType());
        StringBuilder sql = new StringBuilder("ALTER SEQUENCE ").append(quote(to.name()));
        int before = sql.length();
        if (typeChanges) {
            sql.append(" AS ").append(to.dataType());
        }
        if (from.increment() != to.increment()) {
            sql.append(" INCREMENT BY ").append(to.increment());
        }
        if (typeChanges || from.minValue() != to.minValue()) {
            sql.append(" MINVALUE ").append(to.minValue());
        }
        if (typeChanges || from.maxValue() != to.maxValue()) {
            sql.append(" MAXVALUE ").append(to.maxValue());
        }
        if (from.start() != to.start()) {
            sql.append(" START WITH ").append(to.start());
        }
        if (from.cache() != to.cache()) {
            sql.append(" CACHE ").append(to.cache());
        }
        if (from.cycle() != to.cycle()) {
            sql.append(to.cycle() ? " CYCLE" : " NO CYCLE");
        }
        if (sql.length() == before) {
            throw new IllegalArgumentException("AlterSequence of " + to.name() + " changes no option");
        }
        return sql.toString();
    }

    static String drop(Sequence s) {
        return "DROP SEQUENCE " + quote(s.name());
    }

    static String owner(Sequence s) {
        ObjectRef owner = s.ownedBy();
        String target = owner == null ? "NONE" : quote(owner.name()) + "." + quote(owner.member());
        return "ALTER SEQUENCE " + quote(s.name()) + " OWNED BY " + target;
    }
}
