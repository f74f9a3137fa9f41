package dev.converge.engine.diag;

import static java.util.Objects.requireNonNull;

/**
 * SourceSpan is a place in a desired-state file: the file as the user named it, a 1-based line
 * and a 1-based column. It prints as {@code file:line:col}, the form editors and CI annotate.
 */
public record SourceSpan(String file, int line, int column) implements Comparable<SourceSpan> {
    public SourceSpan {
        requireNonNull(file, "file is null");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    @Override
    public int compareTo(SourceSpan other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
