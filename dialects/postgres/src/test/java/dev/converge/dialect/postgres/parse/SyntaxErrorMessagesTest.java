package dev.converge.dialect.postgres.parse;

import dev.converge.engine.source.SourceFile;
import dev.converge.engine.testing.SyntaxErrorMessagesContract;

/**
 * The exact message, place and hint of each malformed statement, as `converge plan` and
 * `converge validate` print them, in the manner of Trino's parser tests: the table is
 * parse/syntax-errors.txt, read by the harness the MySQL table shares.
 * No database: these are found by the grammar before any shadow starts.
 */
class SyntaxErrorMessagesTest extends SyntaxErrorMessagesContract {
    @Override
    protected void parse(SourceFile file) {
        new PostgresDesiredLoader().parse(new PostgresStatementSplitter().split(file));
    }
}
