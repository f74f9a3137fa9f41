package dev.converge.dialect.postgres.sql;

import dev.converge.engine.model.Column;
import dev.converge.engine.model.IdentityOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * IdentitySql writes the sequence options of identity columns: in {@code GENERATED ... AS IDENTITY
 * (...)} only those that differ from PostgreSQL's defaults for the column's type, so that a plain
 * identity stays plain; in {@code ALTER COLUMN ... SET ...} only those that change.
 *
 * <p>The defaults, as CREATE SEQUENCE documents them: increment 1; an ascending sequence runs from 1
 * to the type's maximum, a descending one from the type's minimum to -1; it starts at its minimum
 * (ascending) or maximum (descending); cache 1; no cycle.
 */
final class IdentitySql {
    private IdentitySql() {
    }

    /** The bounds of the integer types an identity column may have, by the type as the server prints it. */
    private record Bounds(long min, long max) {
        static Bounds of(String type) {
            switch (type) {
                case "smallint":
                    return new Bounds(Short.MIN_VALUE, Short.MAX_VALUE);
                case "integer":
                    return new Bounds(Integer.MIN_VALUE, Integer.MAX_VALUE);
                case "bigint":
                    return new Bounds(Long.MIN_VALUE, Long.MAX_VALUE);
                default:
                    return null; // unknown: every bound is written out
            }
        }
    }

    /** {@code " (START WITH 7 INCREMENT BY 2)"}, or "" when every option is the default for the type. */
    static String clause(Column column) {
        IdentityOptions o = column.identityOptions();
        if (o == null) {
            return "";
        }
        Bounds bounds = Bounds.of(column.type());
        boolean ascending = o.increment() > 0;
        long defaultMin = ascending ? 1 : bounds == null ? Long.MIN_VALUE : bounds.min();
        long defaultMax = ascending ? bounds == null ? Long.MAX_VALUE : bounds.max() : -1;
        boolean writeBounds = bounds == null;
        List<String> parts = new ArrayList<>();
        if (o.start() != (ascending ? o.minValue() : o.maxValue())) {
            parts.add("START WITH " + o.start());
        }
        if (o.increment() != 1) {
            parts.add("INCREMENT BY " + o.increment());
        }
        if (writeBounds || o.minValue() != defaultMin) {
            parts.add("MINVALUE " + o.minValue());
        }
        if (writeBounds || o.maxValue() != defaultMax) {
            parts.add("MAXVALUE " + o.maxValue());
        }
        if (o.cache() != 1) {
            parts.add("CACHE " + o.cache());
        }
        if (o.cycle()) {
            parts.add("CYCLE");
        }
        return parts.isEmpty() ? "" : " (" + String.join(" ", parts) + ")";
    }

    /**
     * The {@code SET ...} clauses that turn {@code from}'s options into {@code to}'s, in one list so
     * they run as one statement: the server checks the options together, so no invalid intermediate
     * state (a start below a raised minimum) can fail half-way. When the column's type changes first,
     * the server has already moved bounds that were the old type's limits to the new type's (as ALTER
     * SEQUENCE ... AS does), so those are not written again.
     */
    static List<String> setClauses(Column from, Column to) {
        IdentityOptions a = from.identityOptions();
        IdentityOptions b = to.identityOptions();
        long fromMin = a.minValue();
        long fromMax = a.maxValue();
        Bounds oldBounds = Bounds.of(from.type());
        Bounds newBounds = Bounds.of(to.type());
        if (!from.type().equals(to.type()) && oldBounds != null && newBounds != null) {
            fromMin = fromMin == oldBounds.min() ? newBounds.min() : fromMin;
            fromMax = fromMax == oldBounds.max() ? newBounds.max() : fromMax;
        }
        List<String> sets = new ArrayList<>();
        if (a.start() != b.start()) {
            sets.add("SET START WITH " + b.start());
        }
        if (a.increment() != b.increment()) {
            sets.add("SET INCREMENT BY " + b.increment());
        }
        if (fromMin != b.minValue()) {
            sets.add("SET MINVALUE " + b.minValue());
        }
        if (fromMax != b.maxValue()) {
            sets.add("SET MAXVALUE " + b.maxValue());
        }
        if (a.cache() != b.cache()) {
            sets.add("SET CACHE " + b.cache());
        }
        if (a.cycle() != b.cycle()) {
            sets.add(b.cycle() ? "SET CYCLE" : "SET NO CYCLE");
        }
        return sets;
    }
}
