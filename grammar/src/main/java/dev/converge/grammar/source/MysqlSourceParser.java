package dev.converge.grammar.source;

import dev.converge.grammar.mysql.MysqlLexer;
import dev.converge.grammar.mysql.MysqlParser;
import dev.converge.grammar.support.TextPositions;
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
 * MysqlSourceParser parses one MySQL/MariaDB statement (as {@link
 * dev.converge.grammar.support.MysqlScriptSplitter} cut it) with {@link MysqlParser} and returns what
 * it declares and references, or its first syntax error worded as "expected X but found 'Y'" with a
 * hint. As for PostgreSQL, the fast SLL prediction runs first with a bail-out strategy, and only a
 * statement that fails it is parsed again with full LL prediction and error reporting.
 *
 * <p>Names are kept as the server stores them (backquotes removed, case kept); {@code converge:}
 * comments written right before a column definition are that column's annotations ({@code #}
 * comments included). The comments before the statement are the caller's to read.
 */
public final class MysqlSourceParser {

    public ParsedStatement parse(String sql) {
        try {
            return parseOrOverflow(sql);
        } catch (StackOverflowError e) {
            // Parentheses nested thousands deep exhaust the recursive descent; say so instead of crashing.
            return invalid(new SyntaxProblem(0, "the statement nests parentheses too deeply to be read",
                    "split the expression, or nest fewer than a few thousand levels"));
        }
    }

    private ParsedStatement parseOrOverflow(String sql) {
        TextPositions positions = new TextPositions(sql);
        CommonTokenStream tokens = new CommonTokenStream(new MysqlKeywordLexer(CharStreams.fromString(sql)));
        MysqlParser parser = new MysqlParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        MysqlParser.SingleStatementContext tree;
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
                return invalid(firstError.problem);
            }
        }
        MysqlSourceListener listener = new MysqlSourceListener(tokens, positions);
        ParseTreeWalker.DEFAULT.walk(listener, tree);
        return listener.result();
    }

    private static ParsedStatement invalid(SyntaxProblem problem) {
        return new ParsedStatement(StatementKind.INVALID, List.of(), List.of(), null, List.of(), List.of(),
                List.of(problem));
    }

    /** Keeps the first syntax error: what follows it is mostly the parser's recovery talking. */
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
            String expectedText = MysqlExpectedTokens.describe(expected, parser.getContext());
            String foundText = found.getType() == Token.EOF ? "the end of the statement"
                    : "'" + found.getText() + "'";
            int offset = found.getType() == Token.EOF ? endOfLastToken(found)
                    : positions.charOffset(found.getStartIndex());
            boolean nameExpected = expected.contains(MysqlLexer.IDENTIFIER);
            String hint = MysqlSyntaxHints.hint(found, nameExpected, startsLine(found));
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
    }
}
