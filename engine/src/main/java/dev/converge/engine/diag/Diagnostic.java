package dev.converge.engine.diag;

import static java.util.Objects.requireNonNull;

/**
 * Diagnostic is one problem found in the desired-state files: where it is, what it is, the text of
 * the offending line (for the caret display), and an optional hint saying what to do.
 *
 * @param sourceLine the whole line the span points into, without its line break; may be empty
 * @param hint       what the user can do about it, or null when there is nothing useful to say
 */
public record Diagnostic(SourceSpan span, String message, String sourceLine, String hint)
        implements Comparable<Diagnostic> {
    public Diagnostic {
        requireNonNull(span, "span is null");
        requireNonNull(message, "message is null");
        sourceLine = sourceLine == null ? "" : sourceLine;
    }

    @Override
    public int compareTo(Diagnostic other) {
        return span.compareTo(other.span);
    }

    /** Renders the compiler-style block: {@code file:line:col: error: message}, the line, a caret, the hint. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(span).append(": error: ").append(message).append('\n');
        if (!sourceLine.isEmpty()) {
            out.append("  ").append(sourceLine.replace('\t', ' ')).append('\n');
            out.append("  ").append(" ".repeat(Math.max(0, span.column() - 1))).append("^\n");
        }
        if (hint != null) {
            out.append("  hint: ").append(hint).append('\n');
        }
        return out.toString();
    }
}
