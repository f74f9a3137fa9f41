/*
 * MysqlLexer tokenizes MySQL/MariaDB SQL text as the mysql client and the server read it, closely
 * enough to split files into statements and to parse the statements Converge models: it knows every
 * form that may hide a ';' (comments, strings with backslash escapes, backquoted names) and the
 * client's DELIMITER command. References: https://mariadb.com/kb/en/comment-syntax/ ,
 * https://mariadb.com/kb/en/string-literals/ , https://mariadb.com/kb/en/identifier-names/ ,
 * https://mariadb.com/kb/en/delimiters/
 *
 * Executable comments (/*!50003 ... * /, /*M! ... * /) are SQL the server runs: their opening and
 * closing marks are hidden tokens and what is between them is tokenized as ordinary text, as the
 * server reads it. Every input is tokenized: unterminated constructs become UNTERMINATED_* tokens that
 * start where the construct starts, any other character is a one-character OTHER token. Key words
 * are IDENTIFIER tokens; the parser's keyword source gives them their own types.
 */
lexer grammar MysqlLexer;

// The package comes from the directory (antlr4-maven-plugin), so there is no @header.

@members {
    /* The client delimiter: ";" until a DELIMITER command changes it. */
    private String delimiter = ";";
    /* True once a statement has begun (a token that is not blank or a comment since the last end). */
    private boolean inStatement;
    /* False for text that is not a client script (what the server printed): DELIMITER is then a word. */
    private boolean clientCommands = true;

    /** Reads the text as SQL only, without the client's DELIMITER command. */
    public MysqlLexer withoutClientCommands() {
        clientCommands = false;
        return this;
    }

    /*
     * A custom delimiter ends a statement wherever it appears outside quotes and comments, even
     * glued to a word (END//), as in the client; it is recognised before any rule runs.
     */
    @Override
    public org.antlr.v4.runtime.Token nextToken() {
        if (!delimiter.equals(";") && _input.LA(1) != EOF && matchesAhead(delimiter)) {
            _tokenStartCharIndex = _input.index();
            _tokenStartLine = getInterpreter().getLine();
            _tokenStartCharPositionInLine = getInterpreter().getCharPositionInLine();
            for (int i = 0; i < delimiter.length(); i++) {
                getInterpreter().consume(_input);
            }
            _type = CLIENT_DELIMITER;
            _channel = DEFAULT_TOKEN_CHANNEL;
            _text = null;
            return emit();
        }
        return super.nextToken();
    }

    @Override
    public org.antlr.v4.runtime.Token emit() {
        org.antlr.v4.runtime.Token token = super.emit();
        int type = token.getType();
        if (type == DELIMITER_COMMAND) {
            String argument = token.getText().substring("DELIMITER".length()).strip();
            int space = argument.indexOf(' ');
            argument = space < 0 ? argument : argument.substring(0, space);
            if (!argument.isEmpty() && !argument.contains("\\")) {
                delimiter = argument;
            }
            inStatement = false;
        } else if (type == CLIENT_DELIMITER || type == SEMI && delimiter.equals(";")) {
            inStatement = false;
        } else if (token.getChannel() == DEFAULT_TOKEN_CHANNEL) {
            inStatement = true;
        }
        return token;
    }

    private boolean matchesAhead(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (_input.LA(i + 1) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /* The client reads DELIMITER only as the first word of a line, and only between statements. */
    private boolean delimiterCommandAllowed() {
        if (inStatement || !clientCommands) {
            return false;
        }
        for (int k = 1; ; k++) {
            int c = _input.LA(-k);
            if (c == EOF || c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
    }

    /* A word or operator character that starts the custom delimiter ends the token before it. */
    private boolean notAtDelimiter() {
        return delimiter.equals(";") || !matchesAhead(delimiter);
    }

    /* MySQL starts a "--" comment only when a blank or the end of the line follows it. */
    private boolean atLineEnd() {
        int c = _input.LA(1);
        return c == EOF || c == '\n' || c == '\r';
    }
}

tokens { CLIENT_DELIMITER }

DELIMITER_COMMAND : {delimiterCommandAllowed()}? [dD][eE][lL][iI][mM][iI][tT][eE][rR] ( [ \t] ~[\r\n]* )? ;

WHITESPACE    : [ \t\r\n\f]+ -> channel(HIDDEN) ;
LINE_COMMENT
    : ( '#' ~[\r\n]* | '--' [ \t\f] ~[\r\n]* | '--' {atLineEnd()}? ) -> channel(HIDDEN)
    ;
// An executable comment for a server version no release reaches (mariadb-dump's sandbox line) is a comment.
NEVER_EXECUTED_COMMENT : '/*' 'M'? '!999999' .*? '*/' -> channel(HIDDEN) ;
EXECUTABLE_COMMENT_START : '/*' 'M'? '!' [0-9]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' ( ~[!M] | 'M' ~[!] ) .*? '*/' -> channel(HIDDEN) ;
EMPTY_BLOCK_COMMENT : '/**/' -> channel(HIDDEN) ;
// Closes an executable comment (an ordinary comment is one token, its end included).
EXECUTABLE_COMMENT_END : '*/' -> channel(HIDDEN) ;

// Strings: a backslash escapes the next character, and the quote may be doubled.
STRING        : [nN]? '\'' ( ~['\\] | '\\' . | '\'\'' )* '\''
              | '"' ( ~["\\] | '\\' . | '""' )* '"'
              ;
HEX_STRING    : [xX] '\'' [0-9a-fA-F]* '\'' | '0x' [0-9a-fA-F]+ ;
BIT_STRING    : [bB] '\'' [01]* '\'' | '0b' [01]+ ;

// A name in backquotes: `` is an escaped backquote.
BACKQUOTED_NAME : '`' ( ~'`' | '``' )* '`' ;

// Before IDENTIFIER: of two matches of one length, the first rule wins (123 is a number, 123abc a name).
NUMBER
    : DIGITS ( '.' DIGITS? )? EXPONENT?
    | '.' DIGITS EXPONENT?
    ;

IDENTIFIER    : IDENT_CHAR ( {notAtDelimiter()}? IDENT_CHAR )* ;

SEMI          : ';' ;
OPEN_PAREN    : '(' ;
CLOSE_PAREN   : ')' ;
COMMA         : ',' ;
DOT           : '.' ;
EQUAL         : '=' ;
AT_SIGN       : '@' ;

OPERATOR
    : '<=>' | '<=' | '>=' | '<>' | '!=' | ':=' | '::' | '||' | '&&' | '<<' | '>>' | '->>' | '->'
    | {notAtDelimiter()}? [+\-*/<>!%^&|~:?]
    ;

// The longest rule wins, so these match only when the closing quote is missing: they run to the
// end of the text and start where the construct starts.
UNTERMINATED_STRING
    : [nN]? '\'' ( ~['\\] | '\\' . | '\'\'' )* '\\'?
    | '"' ( ~["\\] | '\\' . | '""' )* '\\'?
    ;
UNTERMINATED_BACKQUOTED_NAME : '`' ( ~'`' | '``' )* ;
UNTERMINATED_BLOCK_COMMENT : '/*' ( ~'*' | '*' ~'/' )* '*'? {_input.LA(1) == EOF}? ;

OTHER         : . ;

fragment IDENT_CHAR  : [a-zA-Z0-9_$\u0080-\u{10FFFF}] ;
fragment DIGITS      : [0-9]+ ;
fragment EXPONENT    : [eE] [+-]? DIGITS ;
