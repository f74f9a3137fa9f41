package dev.converge.grammar.source;

import dev.converge.grammar.postgres.PostgresLexer;
import dev.converge.grammar.postgres.PostgresParser;
import dev.converge.grammar.support.TextPositions;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * TokenScan walks the significant tokens of a range that the grammar reads as token soup (a query
 * body, a GRANT), to find the names in it that matter for loading order.
 */
abstract class TokenScan {
    private final List<Token> significant = new ArrayList<>();
    private final CommonTokenStream tokens;
    private final TextPositions positions;
    protected final List<Reference> references;
    protected int at;

    TokenScan(CommonTokenStream tokens, TextPositions positions, List<Reference> references) {
        this.tokens = tokens;
        this.positions = positions;
        this.references = references;
    }

    final void scan(int from, int to) {
        for (int i = from; i <= to && i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                significant.add(t);
            }
        }
        for (at = 0; at < significant.size(); at++) {
            visit(significant.get(at));
        }
    }

    /** Called for each token; may advance {@link #at} past what it consumed (to the last consumed token). */
    abstract void visit(Token token);

    final Token peek(int ahead) {
        int i = at + ahead;
        return i < significant.size() ? significant.get(i) : null;
    }

    final boolean isName(Token t) {
        if (t == null) {
            return false;
        }
        int type = t.getType();
        return type == PostgresLexer.IDENTIFIER || type == PostgresLexer.QUOTED_IDENTIFIER
                || type == PostgresLexer.UNICODE_QUOTED_IDENTIFIER || ExpectedTokens.isNonReserved(type);
    }

    /** Reads a qualified name starting at at+1; leaves {@link #at} on its last token; null when there is none. */
    final SqlName readName() {
        if (!isName(peek(1))) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        at++;
        parts.add(SourceModelListener.Names.fold(significant.get(at)));
        while (peek(1) != null && peek(1).getType() == PostgresParser.DOT && isName(peek(2))) {
            at += 2;
            parts.add(SourceModelListener.Names.fold(significant.get(at)));
        }
        return new SqlName(parts);
    }

    final int offset(Token t) {
        return positions.charOffset(t.getStartIndex());
    }
}
