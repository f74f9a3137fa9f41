package dev.converge.grammar.source;

import dev.converge.grammar.postgres.PostgresParser;
import dev.converge.grammar.support.TextPositions;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * GrantScan finds the objects of {@code GRANT/REVOKE ... ON [kind] name, ... TO|FROM}: relations by
 * default, schemas, functions or types when the kind says so. Optional references: a grant may
 * name an object of another tool.
 */
final class GrantScan extends TokenScan {
    GrantScan(CommonTokenStream tokens, TextPositions positions, List<Reference> references) {
        super(tokens, positions, references);
    }

    @Override
    void visit(Token token) {
        if (token.getType() != PostgresParser.ON) {
            return;
        }
        NameSpace space = NameSpace.RELATION;
        Token kind = peek(1);
        if (kind != null) {
            switch (kind.getText().toUpperCase(java.util.Locale.ROOT)) {
                case "SCHEMA":
                    space = NameSpace.SCHEMA;
                    at++;
                    break;
                case "FUNCTION":
                case "PROCEDURE":
                case "ROUTINE":
                    space = NameSpace.FUNCTION;
                    at++;
                    break;
                case "TYPE":
                case "DOMAIN":
                    space = NameSpace.TYPE;
                    at++;
                    break;
                case "TABLE":
                case "SEQUENCE":
                    at++;
                    break;
                case "ALL":
                    return; // ALL TABLES IN SCHEMA s: the schema is what matters, and it comes later
                default:
                    break;
            }
        }
        while (true) {
            Token start = peek(1);
            SqlName name = readName();
            if (name == null) {
                return;
            }
            references.add(new Reference(space, name, offset(start), false));
            if (peek(1) != null && peek(1).getType() == PostgresParser.OPEN_PAREN) {
                return; // a function's argument types follow
            }
            if (peek(1) == null || peek(1).getType() != PostgresParser.COMMA) {
                return;
            }
            at++;
        }
    }
}
