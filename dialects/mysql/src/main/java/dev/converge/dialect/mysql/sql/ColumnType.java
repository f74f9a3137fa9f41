package dev.converge.dialect.mysql.sql;

/**
 * ColumnType splits the type of a MySQL column, as the inspector records it, into the server's
 * COLUMN_TYPE ({@code varchar(20)}, {@code enum('a','b')}, {@code int(10) unsigned}) and the tail of
 * column attributes that follow the default in a column definition, which the engine's model has no
 * field for: {@code ON UPDATE ...}, {@code INVISIBLE}, {@code CHECK (...)}, {@code COMMENT '...'}.
 * The tail starts at the first of these markers outside a quoted string; COLUMN_TYPE writes its own
 * words in lower case, so they cannot be mistaken for one.
 */
public record ColumnType(String head, String tail) {
    public static final String ON_UPDATE = " ON UPDATE ";
    public static final String INVISIBLE = " INVISIBLE";
    public static final String CHECK = " CHECK (";
    public static final String COMMENT = " COMMENT '";
    private static final String[] MARKERS = {ON_UPDATE, INVISIBLE, CHECK, COMMENT};

    public static ColumnType of(String type) {
        boolean quoted = false;
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == ' ') {
                for (String marker : MARKERS) {
                    if (type.startsWith(marker, i)) {
                        return new ColumnType(type.substring(0, i), type.substring(i));
                    }
                }
            }
        }
        return new ColumnType(type, "");
    }

    /** The base type without length or attributes, lower case: {@code varchar}, {@code int}. */
    public String baseName() {
        int end = 0;
        while (end < head.length() && Character.isLetter(head.charAt(end))) {
            end++;
        }
        return head.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    }
}
