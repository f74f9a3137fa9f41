package dev.converge.grammar.source;

import dev.converge.grammar.support.TextPositions;
import java.util.List;
import java.util.function.Supplier;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * FirstSyntaxError parses one statement in the two stages ANTLR recommends for speed, and keeps the
 * first syntax error of the second: the fast SLL prediction with a bail-out strategy first, which
 * succeeds for nearly all input; on failure, the full LL prediction with error reporting, which either
 * parses (SLL was too weak) or yields the error. Only the first error is kept: what follows it is
 * mostly the parser's recovery talking. A grammar words its errors through {@link Wording}.
 */
final class FirstSyntaxError extends BaseErrorListener {
    /** Parentheses nested thousands deep exhaust the recursive descent: said instead of crashing. */
    static final SyntaxProblem TOO_DEEP = new SyntaxProblem(0, "the statement nests parentheses too deeply to be read",
            "split the expression, or nest fewer than a few thousand levels");

    /** How a grammar says what it expected, and what probably went wrong. */
    interface Wording {
        String expected(IntervalSet expected, Parser parser);

        /** A hint for the error at {@code found}, or null. */
        String hint(Token found, IntervalSet expected, String expectedText, FirstSyntaxError at);
    }

    private final CommonTokenStream tokens;
    private final TextPositions positions;
    private final Wording wording;
    private SyntaxProblem problem;

    FirstSyntaxError(CommonTokenStream tokens, TextPositions positions, Wording wording) {
        this.tokens = tokens;
        this.positions = positions;
        this.wording = wording;
    }

    /** The parse tree of {@code rule}, or null when the statement has a syntax error ({@link #problem()}). */
    <T> T parse(Parser parser, Supplier<T> rule) {
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return rule.get();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(this);
            T tree = rule.get();
            return problem == null ? tree : null;
        }
    }

    SyntaxProblem problem() {
        return problem;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                            String msg, RecognitionException e) {
        if (problem != null) {
            return;
        }
        Parser parser = (Parser) recognizer;
        Token found = offendingSymbol instanceof Token ? (Token) offendingSymbol : parser.getCurrentToken();
        IntervalSet expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens()
                : parser.getExpectedTokens();
        String expectedText = wording.expected(expected, parser);
        String foundText = found.getType() == Token.EOF ? "the end of the statement"
                : found.getText().startsWith("'") ? found.getText() : "'" + found.getText() + "'";
        int offset = found.getType() == Token.EOF ? endOfLastToken(found) : positions.charOffset(found.getStartIndex());
        problem = new SyntaxProblem(offset, "expected " + expectedText + " but found " + foundText,
                wording.hint(found, expected, expectedText, this));
    }

    /* At the end of the statement, point just past its last token: that is where something is missing. */
    private int endOfLastToken(Token eof) {
        Token last = previous(eof);
        return last == null ? 0 : positions.charOffset(last.getStopIndex() + 1);
    }

    /** The token before {@code found} that is not blank or a comment, or null. */
    Token previous(Token found) {
        for (int i = found.getTokenIndex() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return t;
            }
        }
        return null;
    }

    /** True when {@code found} is the first token of its line. */
    boolean startsLine(Token found) {
        List<Token> hidden = tokens.getHiddenTokensToLeft(found.getTokenIndex());
        return hidden != null && hidden.stream().anyMatch(t -> t.getText().contains("\n"));
    }
}
