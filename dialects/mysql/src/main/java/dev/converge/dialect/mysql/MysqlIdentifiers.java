package dev.converge.dialect.mysql;

/**
 * MysqlIdentifiers quotes names and string literals the way MySQL and MariaDB read them whatever the
 * session's sql_mode: names in backquotes (a backquote doubled), strings in single quotes with both
 * the quote and the backslash escaped (NO_BACKSLASH_ESCAPES may be off).
 */
public final class MysqlIdentifiers {
    private MysqlIdentifiers() {
    }

    /** {@code `name`}, for every identifier Converge writes, reserved word or not. */
    public static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A string literal: {@code 'it''s'}. */
    public static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
