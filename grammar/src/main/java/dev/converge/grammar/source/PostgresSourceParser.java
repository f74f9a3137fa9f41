package dev.converge.grammar.source;

import dev.converge.grammar.postgres.PostgresParser;
import dev.converge.grammar.support.TextPositions;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTreeWalker;

/**
 * PostgresSourceParser parses one statement with {@link PostgresParser} and returns what it
 * declares and references ({@link ParsedStatement}), or its first syntax error ({@link
 * FirstSyntaxError}: two stages, SLL then LL).
 */
public final class PostgresSourceParser {

    /** Parses a statement (as the splitter cut it) with the comments that precede it. */
    public ParsedStatement parse(String sql, List<Comment> leadingComments) {
        try {
            return parseOrOverflow(sql, leadingComments);
        } catch (StackOverflowError e) {
            return invalid(FirstSyntaxError.TOO_DEEP, leadingComments);
        }
    }

    private ParsedStatement parseOrOverflow(String sql, List<Comment> leadingComments) {
        TextPositions positions = new TextPositions(sql);
        CommonTokenStream tokens = new CommonTokenStream(new KeywordLexer(CharStreams.fromString(sql)));
        PostgresParser parser = new PostgresParser(tokens);
        FirstSyntaxError errors = new FirstSyntaxError(tokens, positions, new Wording());
        PostgresParser.SingleStatementContext tree = errors.parse(parser, parser::singleStatement);
        if (tree == null) {
            return invalid(errors.problem(), leadingComments);
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

    /** Errors worded as "expected X but found 'Y'", with a hint for the usual mistakes. */
    private static final class Wording implements FirstSyntaxError.Wording {
        @Override
        public String expected(IntervalSet expected, Parser parser) {
            return ExpectedTokens.describe(expected);
        }

        @Override
        public String hint(Token found, IntervalSet expected, String expectedText, FirstSyntaxError at) {
            boolean nameExpected = expectedText.contains("<identifier>") || expectedText.contains("<column definition>");
            Token previous = at.previous(found);
            // After the ')' that closes a CREATE TABLE's column list come table options, or nothing.
            boolean afterTableBody = previous != null && previous.getType() == PostgresParser.CLOSE_PAREN;
            return SyntaxHints.hint(found, nameExpected, at.startsLine(found), afterTableBody);
        }
    }
}
