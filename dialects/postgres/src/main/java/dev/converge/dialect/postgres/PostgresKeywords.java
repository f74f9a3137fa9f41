package dev.converge.dialect.postgres;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * PostgresKeywords are the key words that {@code quote_ident} (and so every deparse the server prints)
 * double-quotes when they name something: all but the unreserved ones. A name Converge writes into
 * server-printed text (a column renamed inside a CHECK) must follow the same rule, or {@code order}
 * would be written bare and the statement would not parse. The words come from the server's own
 * {@code pg_get_keywords()} (categories R, C and T); {@code PostgresKeywordsTest} compares them with
 * the running server so that a missing word fails the build.
 */
final class PostgresKeywords {
    /* Reserved (R) and type or function names (T), PostgreSQL 15. */
    static final Set<String> RESERVED_OR_TYPE_FUNCTION = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case",
            "cast", "check", "collate", "column", "constraint", "create", "current_catalog", "current_date",
            "current_role", "current_time", "current_timestamp", "current_user", "default", "deferrable",
            "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from",
            "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit",
            "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing",
            "primary", "references", "returning", "select", "session_user", "some", "symmetric", "table",
            "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
            "window", "with",
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
            "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer",
            "overlaps", "right", "similar", "tablesample", "verbose");

    /* Column names that cannot be function or type names (C), PostgreSQL 15. */
    static final Set<String> COLUMN_NAME = Set.of(
            "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
            "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least",
            "national", "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay", "position",
            "precision", "real", "row", "setof", "smallint", "substring", "time", "timestamp", "treat", "trim",
            "values", "varchar", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest",
            "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    /*
     * Key words later majors added (16: the SQL/JSON constructors and system_user; 17: the SQL/JSON
     * query functions and merge_action). Quoting them on an older server is harmless: it reads the
     * quoted name as the same name.
     */
    static final Set<String> LATER_MAJORS = Set.of(
            "json_array", "json_arrayagg", "json_object", "json_objectagg", "system_user",
            "json", "json_exists", "json_query", "json_scalar", "json_serialize", "json_table", "json_value",
            "merge_action");

    private static final Set<String> QUOTED = Stream.of(RESERVED_OR_TYPE_FUNCTION, COLUMN_NAME, LATER_MAJORS)
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    private PostgresKeywords() {
    }

    /** True when {@code quote_ident} quotes this lower-case word although its characters need no quotes. */
    static boolean needsQuotes(String word) {
        return QUOTED.contains(word);
    }
}
