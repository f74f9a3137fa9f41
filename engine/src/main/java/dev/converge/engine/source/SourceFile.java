package dev.converge.engine.source;

import static java.util.Objects.requireNonNull;

import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.diag.SourceSpan;

/**
 * SourceFile is one desired-state file: the path as shown to the user (relative to the directory
 * the user named, with forward slashes) and its full text.
 */
public record SourceFile(String displayPath, String text) {
    public SourceFile {
        requireNonNull(displayPath, "displayPath is null");
        requireNonNull(text, "text is null");
    }

    /** The span of a character offset in this file (line and column are 1-based; tabs count as one). */
    public SourceSpan spanAt(int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(Math.max(offset, 0), text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceSpan(displayPath, line, end - lineStart + 1);
    }

    /** A diagnostic at a character offset of this file, quoting the line it is on. */
    public Diagnostic diagnosticAt(int offset, String message, String hint) {
        SourceSpan span = spanAt(offset);
        return new Diagnostic(span, message, line(span.line()), hint);
    }

    /** The text of a 1-based line, without its line break; "" past the end. */
    public String line(int lineNumber) {
        String[] lines = text.split("\r?\n", -1);
        return lineNumber >= 1 && lineNumber <= lines.length ? lines[lineNumber - 1] : "";
    }
}
