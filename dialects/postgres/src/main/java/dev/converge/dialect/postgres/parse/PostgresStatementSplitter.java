package dev.converge.dialect.postgres.parse;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SqlStatement;
import dev.converge.engine.spi.StatementSplitter;
import dev.converge.grammar.support.SplitResult;
import java.util.List;

/**
 * PostgresStatementSplitter is the PostgreSQL {@link StatementSplitter}: it splits a file with the
 * ANTLR-based {@link dev.converge.grammar.support.StatementSplitter} and turns the lexical issues
 * of the file (unterminated strings, comments, quoted identifiers, dollar quotes; psql
 * meta-commands) into one {@link BadInputException} at their file:line:col.
 */
public final class PostgresStatementSplitter implements StatementSplitter {
    private final dev.converge.grammar.support.StatementSplitter splitter =
            new dev.converge.grammar.support.StatementSplitter();

    @Override
    public List<SqlStatement> split(SourceFile file) {
        SplitResult result = splitter.split(file.text());
        if (result.hasIssues()) {
            throw new BadInputException(result.issues().stream()
                    .map(issue -> file.diagnosticAt(issue.offset(), issue.message(), issue.hint())).toList());
        }
        return result.statements().stream()
                .map(raw -> new SqlStatement(file, raw.text(), raw.startOffset(), raw.leadingComments()))
                .toList();
    }
}
