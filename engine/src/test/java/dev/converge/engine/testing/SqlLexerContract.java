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
 * the character, so a rewrite loses nothing; and renaming column {@code status} of {@link #orders} to
 * {@code state} renames the column, never the word in a string (the bug of the regular expressions
 * this replaced: the check {@code state <> 'bad status value'} was replaced for nothing). A dialect's
 * test extends this with a sample full of what its lexer must keep whole (strings, comments, quoted
 * names) and a text as its server prints it, and tests its other renames through {@link #names}.
 */
public abstract class SqlLexerContract {
    protected final SqlLexer lexer;
    protected final NameRewriter names;
    protected final QualifiedName orders = QualifiedName.of("shop", "orders");
    private final String sample;
    private final ColumnRename statusToState;

    /** A text as the server prints it that names column {@code status} of {@code orders}, and the same text once it is {@code state}. */
    public record ColumnRename(String before, String after) {
    }

    protected SqlLexerContract(SqlLexer lexer, String sample, ColumnRename statusToState) {
        this.lexer = lexer;
        this.names = new NameRewriter(lexer);
        this.sample = sample;
        this.statusToState = statusToState;
    }

    @Test
    void tokensGiveBackTheTextExactly() {
        assertEquals(sample, lexer.tokens(sample).stream().map(SqlToken::text).collect(Collectors.joining()));
    }

    @Test
    void aColumnRenameTouchesNoString() {
        assertEquals(statusToState.after(), names.renameColumn(statusToState.before(), orders, "status", "state"));
    }
}
