/*
 * PostgresLexer tokenizes PostgreSQL 15 SQL text as the server's own scanner does, closely enough
 * to split files into statements: it knows every form that may hide a ';' (comments, quoted
 * identifiers, the string forms and dollar quotes). Reference:
 * https://www.postgresql.org/docs/15/sql-syntax-lexical.html
 *
 * Every input is tokenized: unterminated constructs become UNTERMINATED_* tokens that start where
 * the construct starts (so errors point at the opening quote), and any other character is a
 * one-character OTHER token. Key words are IDENTIFIER tokens, as in the server's scan.l, where
 * key words are looked up after scanning an identifier; callers compare text case-insensitively.
 */
lexer grammar PostgresLexer;

// The package comes from the directory (antlr4-maven-plugin), so there is no @header.

@members {
    /*
     * Dollar quotes and block comments are finished by hand: a dollar quote ends only at the same
     * tag that opened it (other tags inside are content), and block comments nest, neither of
     * which a regular rule expresses well. Consuming through the interpreter keeps line and
     * column tracking right; the token then ends wherever the scan stopped.
     */
    private void finishDollarQuote() {
        String tag = getText();
        int n = tag.length();
        while (true) {
            int c = _input.LA(1);
            if (c == EOF) {
                setType(UNTERMINATED_DOLLAR_STRING);
                return;
            }
            if (c == '$' && matchesAhead(tag)) {
                for (int i = 0; i < n; i++) {
                    getInterpreter().consume(_input);
                }
                return;
            }
            getInterpreter().consume(_input);
        }
    }

    private boolean matchesAhead(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (_input.LA(i + 1) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void finishBlockComment() {
        int depth = 1;
        while (depth > 0) {
            int c = _input.LA(1);
            if (c == EOF) {
                setType(UNTERMINATED_BLOCK_COMMENT);
                return;
            }
            if (c == '/' && _input.LA(2) == '*') {
                getInterpreter().consume(_input);
                depth++;
            } else if (c == '*' && _input.LA(2) == '/') {
                getInterpreter().consume(_input);
                depth--;
            }
            getInterpreter().consume(_input);
        }
    }

    /* An operator never contains "--" or "/*": those start comments (sql-syntax-lexical 4.1.3). */
    private boolean notCommentStart(int second) {
        return _input.LA(1) != second;
    }
}

tokens { UNTERMINATED_DOLLAR_STRING, UNTERMINATED_BLOCK_COMMENT }

WHITESPACE    : [ \t\r\n\f]+ ;
LINE_COMMENT  : '--' ~[\r\n]* ;
BLOCK_COMMENT : '/*' { finishBlockComment(); } ;

// Standard strings: '' is an escaped quote; backslash is an ordinary character.
STRING        : [nN]? '\'' ( ~'\'' | '\'\'' )* '\'' ;
ESCAPE_STRING : [eE] '\'' ( ~['\\] | '\'\'' | '\\' . )* '\'' ;
UNICODE_STRING: [uU] '&' '\'' ( ~'\'' | '\'\'' )* '\'' ;
BIT_STRING    : [bB] '\'' ( ~'\'' | '\'\'' )* '\'' ;
HEX_STRING    : [xX] '\'' ( ~'\'' | '\'\'' )* '\'' ;

// A quoted identifier: "" is an escaped double quote.
QUOTED_IDENTIFIER         : '"' ( ~'"' | '""' )* '"' ;
UNICODE_QUOTED_IDENTIFIER : [uU] '&' '"' ( ~'"' | '""' )* '"' ;

// $$ or $tag$; the body and the closing tag are consumed by finishDollarQuote().
DOLLAR_STRING : '$' DOLLAR_TAG? '$' { finishDollarQuote(); } ;
PARAMETER     : '$' [0-9]+ ;

// Identifiers and key words; '$' may continue an identifier (not in the SQL standard, but PostgreSQL).
IDENTIFIER    : IDENT_START IDENT_CONT* ;

NUMBER
    : DIGITS ( '.' DIGITS? )? EXPONENT?
    | '.' DIGITS EXPONENT?
    ;

SEMI          : ';' ;
OPEN_PAREN    : '(' ;
CLOSE_PAREN   : ')' ;
OPEN_BRACKET  : '[' ;
CLOSE_BRACKET : ']' ;
COMMA         : ',' ;
TYPECAST      : '::' ;
COLON         : ':' ;
DOT           : '.' ;

OPERATOR
    : ( OP_CHAR_PLAIN | '-' { notCommentStart('-') }? | '/' { notCommentStart('*') }? )+
    ;

// The longest rule wins, so these match only when the closing quote is missing: they run to the
// end of the text and start where the construct starts.
UNTERMINATED_STRING
    : ( [nN] | [bB] | [xX] | [uU] '&' )? '\'' ( ~'\'' | '\'\'' )*
    | [eE] '\'' ( ~['\\] | '\'\'' | '\\' . )* '\\'?
    ;
UNTERMINATED_QUOTED_IDENTIFIER : ( [uU] '&' )? '"' ( ~'"' | '""' )* ;

OTHER         : . ;

fragment DOLLAR_TAG  : [a-zA-Z_\u0080-\u{10FFFF}] [a-zA-Z_0-9\u0080-\u{10FFFF}]* ;
fragment IDENT_START : [a-zA-Z_\u0080-\u{10FFFF}] ;
fragment IDENT_CONT  : [a-zA-Z_0-9$\u0080-\u{10FFFF}] ;
fragment DIGITS      : [0-9]+ ;
fragment EXPONENT    : [eE] [+-]? DIGITS ;
fragment OP_CHAR_PLAIN : [+*<>=~!@#%^&|`?] ;
