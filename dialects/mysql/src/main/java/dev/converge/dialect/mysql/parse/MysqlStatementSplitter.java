package dev.converge.dialect.mysql.parse;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SqlStatement;
import dev.converge.engine.spi.StatementSplitter;
import dev.converge.grammar.support.MysqlScriptSplitter;
import dev.converge.grammar.support.SplitResult;
import java.util.List;

/**
 * MysqlStatementSplitter is the MySQL/MariaDB {@link StatementSplitter}: it splits a file with the
 * grammar's {@link MysqlScriptSplitter} (the mysql client's rules, DELIMITER lines included) and turns
 * the file's lexical issues (unterminated strings, names and comments, a DELIMITER line without a
 * delimiter) into one {@link BadInputException} at their file:line:col.
 */
public final class MysqlStatementSplitter implements StatementSplitter {
    private final MysqlScriptSplitter splitter = new MysqlScriptSplitter();

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
