package dev.converge.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.spi.SqlLexer;
import dev.converge.engine.spi.SqlToken;
import dev.converge.engine.text.NameRewriter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every dialect's lexer owes the text rewriters: its tokens, put back together, are the text to
 * the character, so a rewrite loses nothing. A dialect's test extends this with a sample full of what
 * its lexer must keep whole (strings, comments, quoted names), and tests its renames through
 * {@link #names} on the table {@link #orders}.
 */
public abstract class SqlLexerContract {
    protected final SqlLexer lexer;
    protected final NameRewriter names;
    protected final QualifiedName orders = QualifiedName.of("shop", "orders");
    private final String sample;

    protected SqlLexerContract(SqlLexer lexer, String sample) {
        this.lexer = lexer;
        this.names = new NameRewriter(lexer);
        this.sample = sample;
    }

    @Test
    void tokensGiveBackTheTextExactly() {
        assertEquals(sample, lexer.tokens(sample).stream().map(SqlToken::text).collect(Collectors.joining()));
    }
}
