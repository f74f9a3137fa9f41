package dev.converge.dialect.mysql.sql;

import dev.converge.engine.model.Column;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ColumnTypeChange compares the types of a column before and after a change, as far as the ALTER TABLE
 * algorithm and data loss depend on them: a longer VARCHAR that stays in the same length-byte class
 * (up to 255 bytes, or above) and enum/set values appended at the end are INSTANT; shorter strings
 * and smaller integer types narrow.
 */
public final class ColumnTypeChange {
    private static final Pattern LENGTH = Pattern.compile("^(var)?(char|binary)\\((\\d+)\\)$");
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");

    private final ColumnType from;
    private final ColumnType to;

    public ColumnTypeChange(Column from, Column to) {
        this.from = ColumnType.of(from.type());
        this.to = ColumnType.of(to.type());
    }

    public boolean headChanged() {
        return !from.head().equals(to.head());
    }

    public boolean checkChanged() {
        return !Objects.equals(checks(from.tail()), checks(to.tail()));
    }

    /**
     * True when the column keeps a CHECK of its own (MariaDB's JSON columns carry json_valid): MODIFY
     * COLUMN states it again, which MariaDB takes for a new type, so even a new default copies the table.
     */
    public boolean keepsACheck() {
        return !checks(to.tail()).isEmpty();
    }

    private static String checks(String tail) {
        int at = tail.indexOf(ColumnType.CHECK);
        return at < 0 ? "" : tail.substring(at);
    }

    public boolean narrows() {
        Matcher a = LENGTH.matcher(from.head());
        Matcher b = LENGTH.matcher(to.head());
        if (a.matches() && b.matches()) {
            return Integer.parseInt(b.group(3)) < Integer.parseInt(a.group(3));
        }
        int ia = INTEGERS.indexOf(from.baseName());
        int ib = INTEGERS.indexOf(to.baseName());
        if (ia >= 0 && ib >= 0) {
            return ib < ia || (from.head().contains("unsigned") != to.head().contains("unsigned"));
        }
        if ((from.baseName().equals("enum") || from.baseName().equals("set")) && from.baseName().equals(to.baseName())) {
            return !appended();
        }
        return !from.baseName().equals(to.baseName()) && !from.baseName().endsWith("text") && !to.baseName().endsWith("text");
    }

    /** True when the server changes the type in metadata only (INSTANT). */
    public boolean instant() {
        Matcher a = LENGTH.matcher(from.head());
        Matcher b = LENGTH.matcher(to.head());
        if (a.matches() && b.matches() && "var".equals(a.group(1)) && "var".equals(b.group(1))
                && a.group(2).equals(b.group(2))) {
            int na = Integer.parseInt(a.group(3));
            int nb = Integer.parseInt(b.group(3));
            // utf8mb4 takes up to 4 bytes a character: the length bytes grow from 1 to 2 past 255 bytes.
            return nb >= na && (nb * 4 <= 255) == (na * 4 <= 255);
        }
        return (from.baseName().equals("enum") || from.baseName().equals("set"))
                && from.baseName().equals(to.baseName()) && appended();
    }

    /** True when a VARCHAR only gets longer (INSTANT on MariaDB; in place on MySQL). */
    public boolean widensVarchar() {
        Matcher a = LENGTH.matcher(from.head());
        Matcher b = LENGTH.matcher(to.head());
        return a.matches() && b.matches() && "var".equals(a.group(1)) && "var".equals(b.group(1))
                && a.group(2).equals(b.group(2)) && Integer.parseInt(b.group(3)) > Integer.parseInt(a.group(3));
    }

    private boolean appended() {
        String a = from.head();
        String b = to.head();
        return b.length() > a.length() && b.startsWith(a.substring(0, a.length() - 1) + ",");
    }
}
