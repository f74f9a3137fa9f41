package dev.converge.engine.source;

import dev.converge.engine.diag.SourceSpan;
import java.util.Arrays;

/**
 * LineIndex finds the line and column of many offsets in one file in logarithmic time each, where
 * {@link SourceFile#spanAt} scans from the start of the file: for mapping every declaration of a
 * large desired state (10,000 tables, 200,000 columns) to its line.
 */
public final class LineIndex {
    private final SourceFile file;
    private final int[] lineStarts;

    public LineIndex(SourceFile file) {
        this.file = file;
        String text = file.text();
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** The same span as {@link SourceFile#spanAt} gives for the offset. */
    public SourceSpan spanAt(int offset) {
        int at = Math.min(Math.max(offset, 0), file.text().length());
        int found = Arrays.binarySearch(lineStarts, at);
        int line = found >= 0 ? found : -found - 2;
        return new SourceSpan(file.displayPath(), line + 1, at - lineStarts[line] + 1);
    }
}
