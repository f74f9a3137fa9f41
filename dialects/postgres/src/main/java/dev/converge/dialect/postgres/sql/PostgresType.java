package dev.converge.dialect.postgres.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgresType is a column type as the server formats it ({@code format_type}), split into its base
 * name, its numeric modifiers and whether it is an array: {@code character varying(20)} is base
 * {@code character varying} with modifier 20, {@code timestamp(3) without time zone} is base
 * {@code timestamp without time zone} with modifier 3. The SQL generator and the safety classifier use
 * it to tell which type changes are conversions PostgreSQL knows how to make implicitly.
 */
public record PostgresType(String base, List<Integer> modifiers, boolean array) {
    /** Families of built-in types between which PostgreSQL has assignment casts. */
    public enum Family {
        STRING, INTEGER, EXACT_NUMERIC, FLOAT, TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ, INTERVAL, BIT, OTHER
    }

    private static final Map<String, Family> FAMILIES = Map.ofEntries(
            Map.entry("text", Family.STRING),
            Map.entry("character varying", Family.STRING),
            Map.entry("character", Family.STRING),
            Map.entry("smallint", Family.INTEGER),
            Map.entry("integer", Family.INTEGER),
            Map.entry("bigint", Family.INTEGER),
            Map.entry("numeric", Family.EXACT_NUMERIC),
            Map.entry("real", Family.FLOAT),
            Map.entry("double precision", Family.FLOAT),
            Map.entry("timestamp without time zone", Family.TIMESTAMP),
            Map.entry("timestamp with time zone", Family.TIMESTAMPTZ),
            Map.entry("time without time zone", Family.TIME),
            Map.entry("time with time zone", Family.TIMETZ),
            Map.entry("interval", Family.INTERVAL),
            Map.entry("bit", Family.BIT),
            Map.entry("bit varying", Family.BIT));

    public PostgresType {
        modifiers = List.copyOf(modifiers);
    }

    /** Parses the server's spelling; anything it does not understand becomes an OTHER type compared as text. */
    public static PostgresType parse(String formatted) {
        String text = formatted.trim();
        boolean array = false;
        while (text.endsWith("[]")) {
            array = true;
            text = text.substring(0, text.length() - 2).trim();
        }
        int open = text.indexOf('(');
        int close = text.indexOf(')', open + 1);
        // Only the plain "name(1,2) rest" shape has modifiers we care about; user-defined types with
        // quotes or parentheses elsewhere are kept whole.
        if (open < 0 || close < 0 || text.indexOf('"') >= 0) {
            return new PostgresType(text, List.of(), array);
        }
        List<Integer> mods = new ArrayList<>();
        for (String part : text.substring(open + 1, close).split(",")) {
            try {
                mods.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                return new PostgresType(text, List.of(), array);
            }
        }
        String base = (text.substring(0, open).trim() + " " + text.substring(close + 1).trim()).trim();
        return new PostgresType(base, mods, array);
    }

    public Family family() {
        return FAMILIES.getOrDefault(base, Family.OTHER);
    }

    /** The first modifier (length or precision), or -1 when unconstrained. */
    public int length() {
        return modifiers.isEmpty() ? -1 : modifiers.get(0);
    }

    /** The numeric scale, 0 when not given with a precision, -1 when the numeric is unconstrained. */
    public int scale() {
        if (modifiers.isEmpty()) {
            return -1;
        }
        return modifiers.size() > 1 ? modifiers.get(1) : 0;
    }

    /**
     * True when PostgreSQL converts {@code from} to {@code to} by an implicit or assignment cast, so
     * {@code ALTER COLUMN ... TYPE} needs no USING clause. Leaving USING out matters: an explicit cast
     * silently truncates ({@code 'abcdef'::varchar(3)} is {@code 'abc'}) where the assignment cast
     * raises "value too long".
     */
    public static boolean hasAssignmentCast(PostgresType from, PostgresType to) {
        if (from.array != to.array) {
            return false;
        }
        if (from.base.equals(to.base)) {
            return true;
        }
        Family f = from.family();
        Family t = to.family();
        if (f == Family.OTHER || t == Family.OTHER) {
            return false;
        }
        if (f == t) {
            return true;
        }
        boolean numericFrom = f == Family.INTEGER || f == Family.EXACT_NUMERIC || f == Family.FLOAT;
        boolean numericTo = t == Family.INTEGER || t == Family.EXACT_NUMERIC || t == Family.FLOAT;
        boolean timestamps = (f == Family.TIMESTAMP || f == Family.TIMESTAMPTZ)
                && (t == Family.TIMESTAMP || t == Family.TIMESTAMPTZ);
        return (numericFrom && numericTo) || timestamps;
    }
}
