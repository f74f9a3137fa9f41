package dev.converge.dialect.postgres.parse;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.source.SqlStatement;
import dev.converge.grammar.source.ParsedStatement;
import java.util.Map;

/**
 * ParsedSource is one desired-state statement with what the grammar learned of it and the schema
 * its unqualified names resolve to (the first schema of the search_path in force, by file order).
 *
 * @param index    0-based position in file order, the tie-break of the loading order
 * @param settings the session settings the files changed before it that decide how a routine is
 *                 created ({@link DeclaredSettings})
 */
record ParsedSource(int index, SqlStatement statement, ParsedStatement parsed, String defaultSchema,
                    Map<String, String> settings) {
    ParsedSource {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        requireNonNull(statement, "statement is null");
        requireNonNull(parsed, "parsed is null");
        requireNonNull(defaultSchema, "defaultSchema is null");
    }
}
