package dev.converge.engine.diff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.model.Index;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.text.AnsiLexer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IndexColumns tells a plain key from a read in an expression through the dialect's lexer only: the
 * quoting here is the SQL standard's (AnsiLexer), so the engine is shown to need no dialect's quotes.
 */
class IndexColumnsTest {
    private static final IndexColumns WITH_LEXER = new IndexColumns(new AnsiLexer());
    private static final IndexColumns WITHOUT_LEXER = new IndexColumns(null);

    private static Index index(String key, String predicate) {
        QualifiedName table = QualifiedName.of("public", "orders");
        return new Index(QualifiedName.of("public", "orders_key"), table, false, "btree", List.of(key), List.of(),
                predicate, "CREATE INDEX orders_key ON public.orders (" + key + ")", null);
    }

    @Test
    void bareOrQuotedNameWithASortOrderIsAPlainKey() {
        assertFalse(WITH_LEXER.readsInExpression(index("Status DESC NULLS LAST", null), "status"));
        assertFalse(WITH_LEXER.readsInExpression(index("\"Odd \"\"name\"\"\"", null), "Odd \"name\""));
        assertFalse(WITH_LEXER.readsInExpression(index("\"status\" ASC", null), "status"));
    }

    @Test
    void expressionsPredicatesAndOtherSpellingsRead() {
        assertTrue(WITH_LEXER.readsInExpression(index("lower(status)", null), "status"));
        assertTrue(WITH_LEXER.readsInExpression(index("id", "\"Odd name\" IS NOT NULL"), "Odd name"));
        // A quoted name in another case is another column: the key is not the plain column, so it reads.
        assertTrue(WITH_LEXER.readsInExpression(index("\"STATUS\"", null), "status"));
        assertFalse(WITH_LEXER.readsInExpression(index("id", "total > 0"), "status"));
    }

    @Test
    void withoutALexerAQuotedKeyErrsTowardsReading() {
        assertTrue(WITHOUT_LEXER.readsInExpression(index("\"status\"", null), "status"));
        assertFalse(WITHOUT_LEXER.readsInExpression(index("status", null), "status"));
    }
}
