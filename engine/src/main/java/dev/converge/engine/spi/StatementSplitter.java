package dev.converge.engine.spi;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SqlStatement;
import java.util.List;

/**
 * StatementSplitter splits a desired-state file into statements with a real lexer (comments, quoted
 * identifiers, strings and dollar quotes), dropping empty statements and comment-only text.
 */
public interface StatementSplitter {
    /** @throws BadInputException on an unterminated string, quoted identifier or comment */
    List<SqlStatement> split(SourceFile file);
}
