package dev.converge.grammar.source;

import dev.converge.grammar.postgres.PostgresParser;
import dev.converge.grammar.support.TextPositions;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * RelationScan finds the relations a query reads: the names after FROM and JOIN, and after the
 * commas of a FROM list ({@code FROM a x, b y}). A name followed by '(' is a function, found
 * elsewhere. The references are optional: a name may be a common table expression.
 */
final class RelationScan extends TokenScan {
    RelationScan(CommonTokenStream tokens, TextPositions positions, List<Reference> references) {
        super(tokens, positions, references);
    }

    @Override
    void visit(Token token) {
        if (token.getType() != PostgresParser.FROM && token.getType() != PostgresParser.JOIN) {
            return;
        }
        while (true) {
            if (peek(1) != null && (peek(1).getType() == PostgresParser.ONLY
                    || peek(1).getType() == PostgresParser.LATERAL)) {
                at++;
            }
            Token start = peek(1);
            SqlName name = readName();
            if (name == null) {
                return;
            }
            if (peek(1) != null && peek(1).getType() == PostgresParser.OPEN_PAREN) {
                return; // a set-returning function
            }
            references.add(new Reference(NameSpace.RELATION, name, offset(start), false));
            if (peek(1) != null && peek(1).getType() == PostgresParser.AS) {
                at++;
            }
            if (isName(peek(1))) {
                at++; // the alias
            }
            if (peek(1) == null || peek(1).getType() != PostgresParser.COMMA) {
                return;
            }
            at++;
        }
    }
}
