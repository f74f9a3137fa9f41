package dev.converge.grammar.support;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * SplitRun is the state both dialects' splitters keep while they cut one text into statements: the
 * statement being collected (from its first significant token to its last), the comments waiting for
 * the next statement, and the statements and issues found so far.
 */
abstract class SplitRun {
    final String text;
    final TextPositions positions;
    private final List<RawStatement> statements = new ArrayList<>();
    private final List<LexicalIssue> issues = new ArrayList<>();
    List<String> pendingComments = new ArrayList<>();
    int start = -1;
    private int end = -1;
    private List<String> comments = List.of();

    SplitRun(String text) {
        this.text = text;
        this.positions = new TextPositions(text);
    }

    /** Every token of the text; the lexers have a catch-all rule, so they report nothing (a listener would only print). */
    static List<? extends Token> tokensOf(Lexer lexer) {
        lexer.removeErrorListeners();
        return lexer.getAllTokens();
    }

    /** A token that is part of the statement: it opens one if none is open. */
    void significant(int from, int to) {
        if (start < 0) {
            start = from;
            comments = pendingComments;
            pendingComments = new ArrayList<>();
        }
        end = to;
    }

    /** Ends the statement being collected, if any. */
    void finish() {
        if (start >= 0) {
            statements.add(new RawStatement(text.substring(start, end), start, end, comments));
        }
        start = -1;
        end = -1;
        comments = List.of();
        statementEnded();
    }

    /** Resets what the splitter tracks inside one statement. */
    abstract void statementEnded();

    void issue(int offset, String message, String hint) {
        issues.add(new LexicalIssue(offset, positions.line(offset), positions.column(offset), message, hint));
    }

    SplitResult result() {
        return new SplitResult(statements, issues);
    }
}
