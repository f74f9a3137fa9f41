package dev.converge.dialect.postgres.safety;

import dev.converge.dialect.postgres.sql.PostgresType;
import dev.converge.dialect.postgres.sql.PostgresType.Family;
import java.util.List;

/**
 * TypeChange says what ALTER COLUMN ... TYPE from one type to another costs on PostgreSQL: nothing
 * but the lock (binary-coercible changes keep the table's files), a rewrite, or a rewrite that can
 * also lose data (a narrowing change).
 */
enum TypeChange {
    METADATA_ONLY, REWRITE, NARROWING;

    private static final List<String> INTEGER_SIZES = List.of("smallint", "integer", "bigint");

    static TypeChange of(String fromText, String toText) {
        if (fromText.equals(toText)) {
            return METADATA_ONLY; // a collation-only change: no rewrite (indexes on the column are rebuilt)
        }
        PostgresType from = PostgresType.parse(fromText);
        PostgresType to = PostgresType.parse(toText);
        if (from.array() != to.array()) {
            return REWRITE;
        }
        if (narrows(from, to)) {
            return NARROWING;
        }
        return binaryCoercible(from, to) ? METADATA_ONLY : REWRITE;
    }

    /** The cases PostgreSQL's ALTER TYPE recognises as needing no rewrite (PostgreSQL 9.2+). */
    private static boolean binaryCoercible(PostgresType from, PostgresType to) {
        if (from.array() || to.array()) {
            return false; // array coercions are rewritten even when the element change would not be
        }
        String f = from.base();
        String t = to.base();
        boolean fromVarcharOrText = f.equals("character varying") || f.equals("text");
        if (fromVarcharOrText && t.equals("text")) {
            return true;
        }
        if (fromVarcharOrText && t.equals("character varying")) {
            return to.modifiers().isEmpty()
                    || (f.equals("character varying") && from.length() >= 0 && to.length() >= from.length());
        }
        if (!f.equals(t)) {
            return false;
        }
        if (f.equals("numeric")) {
            return to.modifiers().isEmpty()
                    || (!from.modifiers().isEmpty() && to.length() >= from.length() && to.scale() == from.scale());
        }
        // varbit, timestamp(tz), time, interval: a wider (or removed) length/precision keeps the data
        Family family = from.family();
        if (f.equals("bit varying") || family == Family.TIMESTAMP
                || family == Family.TIMESTAMPTZ || family == Family.TIME || family == Family.INTERVAL) {
            return to.modifiers().isEmpty() || (!from.modifiers().isEmpty() && to.length() >= from.length());
        }
        return false;
    }

    private static boolean narrows(PostgresType from, PostgresType to) {
        Family f = from.family();
        Family t = to.family();
        if (f == Family.STRING && t == Family.STRING) {
            // to a length-limited string from an unlimited or longer one
            return !to.base().equals("text") && to.length() >= 0
                    && (from.length() < 0 || to.length() < from.length());
        }
        if (f == t && (f == Family.TIMESTAMP || f == Family.TIMESTAMPTZ || f == Family.TIME
                || f == Family.INTERVAL || f == Family.BIT)) {
            int fromPrecision = from.length() < 0 ? Integer.MAX_VALUE : from.length();
            return to.length() >= 0 && to.length() < fromPrecision;
        }
        if (f == Family.INTEGER && t == Family.INTEGER) {
            return INTEGER_SIZES.indexOf(to.base()) < INTEGER_SIZES.indexOf(from.base());
        }
        if (f == Family.EXACT_NUMERIC && t == Family.EXACT_NUMERIC) {
            if (to.modifiers().isEmpty()) {
                return false;
            }
            if (from.modifiers().isEmpty()) {
                return true;
            }
            int fromIntegerDigits = from.length() - from.scale();
            int toIntegerDigits = to.length() - to.scale();
            return to.scale() < from.scale() || toIntegerDigits < fromIntegerDigits;
        }
        if (f == Family.FLOAT && t == Family.FLOAT) {
            return to.base().equals("real") && from.base().equals("double precision");
        }
        // fractions are rounded away, or large values lose digits
        if ((f == Family.EXACT_NUMERIC || f == Family.FLOAT) && t == Family.INTEGER) {
            return true;
        }
        if (f == Family.EXACT_NUMERIC && t == Family.FLOAT) {
            return true;
        }
        if (f == Family.INTEGER && t == Family.EXACT_NUMERIC) {
            return !to.modifiers().isEmpty();
        }
        if (f == Family.INTEGER && t == Family.FLOAT) {
            return from.base().equals("bigint") || (from.base().equals("integer") && to.base().equals("real"));
        }
        if (f == Family.TIMESTAMPTZ && t == Family.TIMESTAMP) {
            return true; // the offset is dropped
        }
        // anything to a string keeps its text; other conversions are checked by the cast itself
        return t == Family.STRING && to.length() >= 0 && f != Family.STRING;
    }
}
