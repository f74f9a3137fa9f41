package dev.converge.grammar.support;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * RawStatement is one statement of a file as the splitter found it: its text from the first token
 * that is not blank or a comment up to the last such token before its ';' (the ';' excluded), the
 * offsets of that range in the file, and the comments that precede it, which carry annotations
 * such as {@code -- converge:renamed-from x}.
 *
 * @param startOffset     0-based character offset of the statement's first token
 * @param endOffset       0-based character offset just past its last token
 * @param leadingComments the comment tokens between the previous statement and this one, verbatim
 *                        (markers included), without those on the previous statement's last line
 */
public record RawStatement(String text, int startOffset, int endOffset, List<String> leadingComments) {
    public RawStatement {
        requireNonNull(text, "text is null");
        leadingComments = List.copyOf(leadingComments);
        if (startOffset < 0 || endOffset < startOffset) {
            throw new IllegalArgumentException("bad range " + startOffset + ".." + endOffset);
        }
    }
}
