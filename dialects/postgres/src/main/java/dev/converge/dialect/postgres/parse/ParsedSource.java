package dev.converge.dialect.postgres.parse;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.source.SqlStatement;
import dev.converge.grammar.source.ParsedStatement;

/**
 * ParsedSource is one desired-state statement with what the grammar learned of it and the schema
 * its unqualified names resolve to (the first schema of the search_path in force, by file order).
 *
 * @param index 0-based position in file order, the tie-break of the loading order
 */
record ParsedSource(int index, SqlStatement statement, ParsedStatement parsed, String defaultSchema) {
    ParsedSource {
        requireNonNull(statement, "statement is null");
        requireNonNull(parsed, "parsed is null");
        requireNonNull(defaultSchema, "defaultSchema is null");
    }
}
