package dev.converge.grammar.source;

import dev.converge.grammar.postgres.PostgresParser;
import dev.converge.grammar.support.TextPositions;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTreeWalker;

/**
 * PostgresSourceParser parses one statement with {@link PostgresParser} and returns what it
 * declares and references ({@link ParsedStatement}). Two stages, as ANTLR recommends for speed:
 * the fast SLL prediction with a bail-out strategy first, which succeeds for nearly all input; on
 * failure, the full LL prediction with error reporting, which either parses (SLL was too weak) or
 * yields the syntax error. Only the first error of a statement is kept: what follows it is mostly
 * the parser's recovery talking.
 */
public final class PostgresSourceParser {

    /** Parses a statement (as the splitter cut it) with the comments that precede it. */
    public ParsedStatement parse(String sql, List<Comment> leadingComments) {
        try {
            return parseOrOverflow(sql, leadingComments);
        } catch (StackOverflowError e) {
            // Parentheses nested thousands deep exhaust the recursive descent; say so instead of crashing.
            return invalid(new SyntaxProblem(0, "the statement nests parentheses too deeply to be read",
                    "split the expression, or nest fewer than a few thousand levels"), leadingComments);
        }
    }

    private ParsedStatement parseOrOverflow(String sql, List<Comment> leadingComments) {
        TextPositions positions = new TextPositions(sql);
        CommonTokenStream tokens = new CommonTokenStream(new KeywordLexer(CharStreams.fromString(sql)));
        PostgresParser parser = new PostgresParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        PostgresParser.SingleStatementContext tree;
        try {
            tree = parser.singleStatement();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            FirstError firstError = new FirstError(tokens, positions);
            parser.addErrorListener(firstError);
            tree = parser.singleStatement();
            if (firstError.problem != null) {
                return invalid(firstError.problem, leadingComments);
            }
        }
        SourceModelListener listener = new SourceModelListener(tokens, positions, leadingComments);
        ParseTreeWalker.DEFAULT.walk(listener, tree);
        return listener.result();
    }

    /** A statement that does not parse still carries its annotations, so that they are checked. */
    private static ParsedStatement invalid(SyntaxProblem problem, List<Comment> leadingComments) {
        List<Annotation> annotations = new ArrayList<>();
        for (Comment comment : leadingComments) {
            Annotations.of(comment.text(), comment.offset()).ifPresent(annotations::add);
        }
        return new ParsedStatement(StatementKind.INVALID, List.of(), List.of(), null, annotations, List.of(),
                List.of(problem));
    }

    /** Keeps the first syntax error, worded as "expected X but found 'Y'", with a hint. */
    private static final class FirstError extends BaseErrorListener {
        private final CommonTokenStream tokens;
        private final TextPositions positions;
        SyntaxProblem problem;

        FirstError(CommonTokenStream tokens, TextPositions positions) {
            this.tokens = tokens;
            this.positions = positions;
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
            String expectedText = ExpectedTokens.describe(expected);
            String foundText = found.getType() == Token.EOF ? "the end of the statement"
                    : found.getText().startsWith("'") ? found.getText() : "'" + found.getText() + "'";
            int offset = found.getType() == Token.EOF ? endOfLastToken(found)
                    : positions.charOffset(found.getStartIndex());
            boolean nameExpected = expectedText.contains("<identifier>") || expectedText.contains("<column definition>");
            String hint = SyntaxHints.hint(found, nameExpected, startsLine(found), afterTableBody(found));
            problem = new SyntaxProblem(offset, "expected " + expectedText + " but found " + foundText, hint);
        }

        /* At the end of the statement, point just past its last token: that is where something is missing. */
        private int endOfLastToken(Token eof) {
            for (int i = eof.getTokenIndex() - 1; i >= 0; i--) {
                Token t = tokens.get(i);
                if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                    return positions.charOffset(t.getStopIndex() + 1);
                }
            }
            return 0;
        }

        private boolean startsLine(Token found) {
            List<Token> hidden = tokens.getHiddenTokensToLeft(found.getTokenIndex());
            return hidden != null && hidden.stream().anyMatch(t -> t.getText().contains("\n"));
        }

        /* True when the token follows the ')' that closes a CREATE TABLE's column list. */
        private boolean afterTableBody(Token found) {
            for (int i = found.getTokenIndex() - 1; i >= 0; i--) {
                Token t = tokens.get(i);
                if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                    return t.getType() == PostgresParser.CLOSE_PAREN;
                }
            }
            return false;
        }
    }
}
