package dev.converge.engine.source;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.diag.SourceSpan;
import java.util.List;

/**
 * SqlStatement is one statement of a desired-state file, without its terminating semicolon, and
 * where it starts in its file, so that an error the server reports at a position inside the
 * statement can be shown at the right file:line:col.
 *
 * @param startOffset     character offset of the statement's first character in {@code file.text()}
 * @param leadingComments the comments between the previous statement and this one, verbatim; they
 *                        carry annotations ({@code -- converge:renamed-from old_name})
 */
public record SqlStatement(SourceFile file, String sql, int startOffset, List<String> leadingComments) {
    public SqlStatement {
        requireNonNull(file, "file is null");
        requireNonNull(sql, "sql is null");
        leadingComments = List.copyOf(leadingComments);
    }

    public SqlStatement(SourceFile file, String sql, int startOffset) {
        this(file, sql, startOffset, List.of());
    }

    public SourceSpan span() {
        return file.spanAt(startOffset);
    }

    /** The span of a 0-based character offset inside this statement's text. */
    public SourceSpan spanAt(int offsetInStatement) {
        return file.spanAt(startOffset + offsetInStatement);
    }

    /** A diagnostic at a 0-based offset inside this statement. */
    public Diagnostic diagnosticAt(int offsetInStatement, String message, String hint) {
        return file.diagnosticAt(startOffset + offsetInStatement, message, hint);
    }
}
