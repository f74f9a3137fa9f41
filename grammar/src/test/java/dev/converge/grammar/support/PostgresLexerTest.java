package dev.converge.grammar.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.grammar.postgres.PostgresLexer;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.junit.jupiter.api.Test;

class PostgresLexerTest {
    private static List<String> tokens(String sql) {
        PostgresLexer lexer = new PostgresLexer(CharStreams.fromString(sql));
        Vocabulary v = lexer.getVocabulary();
        return lexer.getAllTokens().stream()
                .filter(t -> t.getType() != PostgresLexer.WHITESPACE)
                .map(t -> v.getSymbolicName(t.getType()) + " " + t.getText())
                .toList();
    }

    @Test
    void numbersParametersOperatorsAndPunctuation() {
        assertEquals(List.of("IDENTIFIER a", "TYPECAST ::", "IDENTIFIER numeric", "OPERATOR <=",
                        "NUMBER 1.5e-3", "OPERATOR ||", "PARAMETER $12", "OPERATOR +", "NUMBER .5",
                        "COMMA ,", "OPEN_BRACKET [", "NUMBER 1", "COLON :", "NUMBER 2", "CLOSE_BRACKET ]",
                        "OTHER \\", "SEMI ;"),
                tokens("a::numeric <= 1.5e-3 || $12 + .5, [1:2] \\;"));
    }

    @Test
    void operatorStopsBeforeACommentStart() {
        assertEquals(List.of("NUMBER 1", "OPERATOR +", "LINE_COMMENT --x", "NUMBER 2", "OPERATOR *",
                        "BLOCK_COMMENT /*y*/", "NUMBER 3", "OPERATOR -/", "NUMBER 4"),
                tokens("1+--x\n2*/*y*/3 -/4"));
    }

    @Test
    void stringAndIdentifierForms() {
        assertEquals(List.of("STRING 'a''b'", "ESCAPE_STRING E'\\''", "UNICODE_STRING U&'\\0041'",
                        "STRING n'x'", "BIT_STRING b'01'", "HEX_STRING x'ff'",
                        "QUOTED_IDENTIFIER \"A\"\"B\"", "UNICODE_QUOTED_IDENTIFIER u&\"x\"",
                        "IDENTIFIER caf\u00e9$1", "DOLLAR_STRING $q$ $$ $r$ $q$"),
                tokens("'a''b' E'\\'' U&'\\0041' n'x' b'01' x'ff' \"A\"\"B\" u&\"x\" caf\u00e9$1 $q$ $$ $r$ $q$"));
    }

    @Test
    void unterminatedFormsRunToTheEndFromTheirStart() {
        assertEquals(List.of("IDENTIFIER x", "UNTERMINATED_DOLLAR_STRING $a$ $b$ $A$"), tokens("x $a$ $b$ $A$"));
        assertEquals(List.of("UNTERMINATED_BLOCK_COMMENT /* /* */"), tokens("/* /* */"));
        assertEquals(List.of("UNTERMINATED_STRING 'a'';"), tokens("'a'';"));
        assertEquals(List.of("UNTERMINATED_QUOTED_IDENTIFIER \"a;"), tokens("\"a;"));
    }

    @Test
    void tokensCarryLineAndColumn() {
        PostgresLexer lexer = new PostgresLexer(CharStreams.fromString("/* a\n b */ $$\n$$ x"));
        List<? extends Token> all = lexer.getAllTokens();
        Token x = all.get(all.size() - 1);
        assertEquals(3, x.getLine());
        assertEquals(3, x.getCharPositionInLine());
    }
}
