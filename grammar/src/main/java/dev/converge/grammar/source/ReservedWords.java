package dev.converge.grammar.source;

import java.util.Set;

/**
 * ReservedWords are the PostgreSQL key words that cannot name a table or column unless quoted:
 * "reserved" and "reserved (can be function or type)" in the SQL Key Words appendix.
 * Reference: https://www.postgresql.org/docs/15/sql-keywords-appendix.html
 */
final class ReservedWords {
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable",
            "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze",
            "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect",
            "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order",
            "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
            "session_user", "similar", "some", "symmetric", "table", "tablesample", "then", "to", "trailing",
            "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with");

    private ReservedWords() {
    }

    /** True for a lower-case word PostgreSQL reserves. */
    static boolean isReserved(String lowerCaseWord) {
        return RESERVED.contains(lowerCaseWord);
    }
}
