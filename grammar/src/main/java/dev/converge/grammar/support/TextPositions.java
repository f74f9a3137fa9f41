package dev.converge.grammar.support;

/**
 * TextPositions converts between the code-point indexes ANTLR reports and the UTF-16 character
 * offsets Java strings (and the rest of Converge) use, and finds the line and column of an offset.
 * The two indexes differ only after a character outside the Basic Multilingual Plane (an emoji in
 * a comment is enough), so the mapping is built only when the text has one.
 */
public final class TextPositions {
    private final String text;
    private final int[] charOffsetOfCodePoint;

    public TextPositions(String text) {
        this.text = text;
        this.charOffsetOfCodePoint = hasSurrogates(text) ? buildMap(text) : null;
    }

    /** The character offset of a code-point index (the index may be one past the end). */
    public int charOffset(int codePointIndex) {
        if (charOffsetOfCodePoint == null) {
            return codePointIndex;
        }
        int i = Math.min(Math.max(codePointIndex, 0), charOffsetOfCodePoint.length - 1);
        return charOffsetOfCodePoint[i];
    }

    /** The 1-based line of a character offset. */
    int line(int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The 1-based column of a character offset; the same rule as the engine's SourceFile.spanAt. */
    int column(int offset) {
        int end = Math.min(offset, text.length());
        int lineStart = text.lastIndexOf('\n', end - 1) + 1;
        return end - lineStart + 1;
    }

    /** The offset just past the end of the line holding {@code offset} (before its line break). */
    int endOfLine(int offset) {
        int nl = text.indexOf('\n', offset);
        return nl < 0 ? text.length() : nl;
    }

    /** True when only blanks precede {@code offset} on its line. */
    boolean startsLine(int offset) {
        for (int i = offset - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t' && text.charAt(i) != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int[] buildMap(String text) {
        int count = text.codePointCount(0, text.length());
        int[] map = new int[count + 1];
        int offset = 0;
        for (int cp = 0; cp < count; cp++) {
            map[cp] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        map[count] = offset;
        return map;
    }
}
