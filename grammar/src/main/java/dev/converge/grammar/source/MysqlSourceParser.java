package dev.converge.grammar.source;

import dev.converge.grammar.mysql.MysqlLexer;
import dev.converge.grammar.mysql.MysqlParser;
import dev.converge.grammar.support.TextPositions;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.tree.ParseTreeWalker;

/**
 * MysqlSourceParser parses one MySQL/MariaDB statement (as {@link
 * dev.converge.grammar.support.MysqlScriptSplitter} cut it) with {@link MysqlParser} and returns what
 * it declares and references, or its first syntax error worded as "expected X but found 'Y'" with a
 * hint ({@link FirstSyntaxError}, as for PostgreSQL).
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
            return invalid(FirstSyntaxError.TOO_DEEP);
        }
    }

    private ParsedStatement parseOrOverflow(String sql) {
        TextPositions positions = new TextPositions(sql);
        CommonTokenStream tokens = new CommonTokenStream(new MysqlKeywordLexer(CharStreams.fromString(sql)));
        MysqlParser parser = new MysqlParser(tokens);
        FirstSyntaxError errors = new FirstSyntaxError(tokens, positions, new Wording());
        MysqlParser.SingleStatementContext tree = errors.parse(parser, parser::singleStatement);
        if (tree == null) {
            return invalid(errors.problem());
        }
        MysqlSourceListener listener = new MysqlSourceListener(tokens, positions);
        ParseTreeWalker.DEFAULT.walk(listener, tree);
        return listener.result();
    }

    private static ParsedStatement invalid(SyntaxProblem problem) {
        return new ParsedStatement(StatementKind.INVALID, List.of(), List.of(), null, List.of(), List.of(),
                List.of(problem));
    }

    /** Errors worded as "expected X but found 'Y'", with a hint for the usual mistakes. */
    private static final class Wording implements FirstSyntaxError.Wording {
        @Override
        public String expected(IntervalSet expected, Parser parser) {
            return MysqlExpectedTokens.describe(expected, parser.getContext());
        }

        @Override
        public String hint(Token found, IntervalSet expected, String expectedText, FirstSyntaxError at) {
            return MysqlSyntaxHints.hint(found, expected.contains(MysqlLexer.IDENTIFIER), at.startsLine(found));
        }
    }
}
