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
    /** How much of the line is shown on each side of the column: a 155 KB line is clipped around it. */
    static final int EXCERPT_RADIUS = 60;

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
            String line = sourceLine.replace('\t', ' ').replace('\0', ' ');
            int caret = Math.max(0, Math.min(span.column() - 1, line.length()));
            int from = Math.max(0, caret - EXCERPT_RADIUS);
            int to = Math.min(line.length(), caret + EXCERPT_RADIUS);
            String head = from > 0 ? "..." : "";
            out.append("  ").append(head).append(line, from, to).append(to < line.length() ? "..." : "").append('\n');
            out.append("  ").append(" ".repeat(head.length() + caret - from)).append("^\n");
        }
        if (hint != null) {
            out.append("  hint: ").append(hint).append('\n');
        }
        return out.toString();
    }
}
