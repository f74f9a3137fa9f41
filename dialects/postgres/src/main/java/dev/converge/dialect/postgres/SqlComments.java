package dev.converge.dialect.postgres;

/**
 * SqlComments finds where a comment ends, for the small scanners that pick names out of SQL text (the
 * bodies of routines, GRANT statements): a {@code --} comment runs to the end of its line, a block
 * comment to the first closing {@code *}{@code /}. PostgreSQL nests block comments and these scanners
 * do not: the rest of a nested comment is read as text, where at worst it yields a name that is not one.
 */
public final class SqlComments {
    private SqlComments() {
    }

    /** Whether a comment starts at {@code i}. */
    public static boolean startAt(String text, int i) {
        return text.startsWith("--", i) || text.startsWith("/*", i);
    }

    /** The index just after the comment that starts at {@code i}; the text's length when it never ends. */
    public static int end(String text, int i) {
        boolean line = text.startsWith("--", i);
        int close = line ? text.indexOf('\n', i) : text.indexOf("*/", i + 2);
        return close < 0 ? text.length() : close + (line ? 1 : 2);
    }
}
