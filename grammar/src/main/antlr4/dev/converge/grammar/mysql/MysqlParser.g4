/*
 * MysqlParser reads MySQL/MariaDB statements at the level Converge needs to load a desired schema:
 * what kind each statement is, what it declares (tables and their columns, views, indexes, triggers,
 * routines, events), what it references (the table of a foreign key, of an index or trigger, the
 * relations a view reads) and where. The heads of the statements it models are parsed exactly, so a
 * mistake there is reported at its line and column with the tokens that could have come; expressions,
 * query bodies, routine bodies and options are balanced token soup that the server itself checks when
 * the shadow loads them. A statement of a kind Converge does not model parses as otherStatement.
 *
 * Key words: MysqlLexer emits every word as IDENTIFIER; MysqlKeywordLexer gives the words listed in
 * `tokens` below their own token types. Words MySQL reserves cannot be unquoted names; the others can
 * (nonReservedKeyword). Reference: https://mariadb.com/kb/en/reserved-words/
 */
parser grammar MysqlParser;

options { tokenVocab = MysqlLexer; }

tokens {
    // reserved
    ADD, ALTER, AS, ASC, BEFORE, BETWEEN, BY, CASCADE, CHANGE, CHARACTER, CHECK, COLLATE, COLUMN,
    CONSTRAINT, CREATE, DATABASE, DEFAULT, DELETE, DESC, DISTINCT, DROP, EACH, ELSE, EXISTS, FOR,
    FOREIGN, FROM, FULLTEXT, GROUP, HAVING, IF, IGNORE, IN, INDEX, INSERT, INTO, JOIN, KEY, KEYS, LIKE,
    LIMIT, MATCH, NOT, NULL, ON, OR, ORDER, PARTITION, PRIMARY, PROCEDURE, REFERENCES, RENAME, REPLACE,
    RESTRICT, SCHEMA, SELECT, SET, SPATIAL, SQL, TABLE, TO, TRIGGER, UNION, UNIQUE, UNSIGNED, UPDATE,
    USING, VALUES, WHERE, WITH, ZEROFILL,
    // not reserved: may be names
    ACTION, AFTER, AGGREGATE, ALGORITHM, ALWAYS, CHARSET, COMMENT, DEFINER, END, ENFORCED, EVENT, FIRST, FUNCTION,
    GENERATED, INVISIBLE, INVOKER, MODIFY, NO, OFFLINE, ONLINE, PERIOD, ROW, SCHEDULE, SECURITY, START,
    TEMPORARY, VIEW, VISIBLE
}

singleStatement : statement SEMI? EOF ;

statement
    : createTable
    | createView
    | createIndex
    | createTrigger
    | createRoutine
    | createEvent
    | alterTable
    | otherAlter
    | dropStatement
    | otherCreate
    | otherStatement
    ;

// ---- CREATE TABLE ----

createTable
    : CREATE orReplace? TEMPORARY? TABLE ifNotExists? qualifiedName
      ( OPEN_PAREN tableElement ( COMMA tableElement )* CLOSE_PAREN trailer?
      | OPEN_PAREN? LIKE likeTable=qualifiedName CLOSE_PAREN?
      | AS? ( SELECT | WITH ) clause*
      )
    ;

tableElement
    : columnDefinition
    | tableConstraint
    | indexDefinition
    | periodDefinition
    ;

columnDefinition : name dataType columnAttribute* ;

// MariaDB: the period of a system-versioned table (PERIOD FOR SYSTEM_TIME) or an application-time
// period, over two columns of the table; it declares no column of its own.
periodDefinition : PERIOD FOR name OPEN_PAREN name COMMA name CLOSE_PAREN ;

dataType : typeWord ( OPEN_PAREN balanced* CLOSE_PAREN )? ;

typeWord : name | CHARACTER | SET ;

columnAttribute
    : NOT? NULL
    | NOT ENFORCED
    | DEFAULT value
    | ON DELETE referenceOption
    | ON UPDATE ( referenceOption | value )
    | COMMENT STRING
    | COLLATE name
    | ( CHARACTER SET | CHARSET ) name
    | PRIMARY KEY
    | UNIQUE KEY?
    | KEY
    | GENERATED ALWAYS AS ( OPEN_PAREN balanced* CLOSE_PAREN
                          | ROW ( START | END ) )          // MariaDB: the row period of a system-versioned table
    | AS OPEN_PAREN balanced* CLOSE_PAREN
    | ( CONSTRAINT name? )? CHECK OPEN_PAREN balanced* CLOSE_PAREN
    | referenceTarget
    | OPEN_PAREN balanced* CLOSE_PAREN
    | ~( COMMA | OPEN_PAREN | CLOSE_PAREN | SEMI | NOT | NULL | DEFAULT | ON | COMMENT | COLLATE | CHARACTER
         | CHARSET | PRIMARY | UNIQUE | KEY | GENERATED | AS | CONSTRAINT | CHECK | REFERENCES
         | CLIENT_DELIMITER )
    ;

// A default or ON UPDATE value: a literal, a parenthesized expression, or a function such as NOW(6).
value
    : OPERATOR? ( NUMBER | STRING+ | HEX_STRING | BIT_STRING )
    | NULL
    | OPEN_PAREN balanced* CLOSE_PAREN
    | name STRING                                   // a character set introducer: _utf8mb4'x'
    | name ( OPEN_PAREN balanced* CLOSE_PAREN )?
    ;

tableConstraint
    : ( CONSTRAINT name? )?
      ( PRIMARY KEY indexType? keyParts indexOption*
      | UNIQUE ( INDEX | KEY )? name? indexType? keyParts indexOption*
      | FOREIGN KEY name? keyParts referencesClause
      | CHECK OPEN_PAREN balanced* CLOSE_PAREN
      )
    ;

indexDefinition
    : ( FULLTEXT | SPATIAL )? ( INDEX | KEY ) name? indexType? keyParts indexOption*
    | ( FULLTEXT | SPATIAL ) name? keyParts indexOption*
    ;

indexType : USING name ;

keyParts : OPEN_PAREN keyPart ( COMMA keyPart )* CLOSE_PAREN ;

keyPart : ( name ( OPEN_PAREN NUMBER CLOSE_PAREN )? | OPEN_PAREN balanced* CLOSE_PAREN ) ( ASC | DESC )? ;

indexOption
    : indexType
    | COMMENT STRING
    | VISIBLE
    | INVISIBLE
    | IGNORE
    | NOT IGNORE
    | WITH name name
    | name EQUAL? ( NUMBER | name )
    ;

// In a column definition, the ON DELETE / ON UPDATE that follow are column attributes (ON UPDATE may
// also give a value, as in ON UPDATE CURRENT_TIMESTAMP), so that the two readings never compete.
referencesClause : referenceTarget referenceAction* ;

referenceTarget : REFERENCES qualifiedName keyParts? ( MATCH name )? ;

referenceAction : ON ( DELETE | UPDATE ) referenceOption ;

referenceOption : RESTRICT | CASCADE | SET NULL | SET DEFAULT | NO ACTION ;

// Table options, partitioning, or the query of CREATE TABLE ... [AS] SELECT: the server checks them.
trailer : clause+ ;

// ---- CREATE VIEW ----

createView
    : CREATE orReplace? viewOption* VIEW ifNotExists? qualifiedName
      ( OPEN_PAREN name ( COMMA name )* CLOSE_PAREN )? AS query
    ;

viewOption
    : ALGORITHM EQUAL name
    | definer
    | SQL SECURITY ( DEFINER | INVOKER )
    ;

query : clause+ ;

// ---- CREATE INDEX ----

createIndex
    : CREATE orReplace? ( ONLINE | OFFLINE )? ( UNIQUE | FULLTEXT | SPATIAL )? INDEX ifNotExists? name indexType?
      ON qualifiedName keyParts soup*
    ;

// ---- CREATE TRIGGER / FUNCTION / PROCEDURE / EVENT ----

createTrigger
    : CREATE orReplace? definer? TRIGGER ifNotExists? qualifiedName ( BEFORE | AFTER ) ( INSERT | UPDATE | DELETE )
      ON qualifiedName FOR EACH ROW body
    ;

createRoutine
    : CREATE orReplace? definer? AGGREGATE? ( FUNCTION | PROCEDURE ) ifNotExists? qualifiedName
      OPEN_PAREN balanced* CLOSE_PAREN body
    ;

createEvent
    : CREATE orReplace? definer? EVENT ifNotExists? qualifiedName ON SCHEDULE body
    ;

// What a routine, trigger or event does (BEGIN ... END with its semicolons, or one statement).
body : ( soup | SEMI )+ ;

definer : DEFINER EQUAL account ;

account : ( name | STRING ) ( AT_SIGN ( name | STRING | NUMBER | DOT | OPERATOR )+ )? ( OPEN_PAREN CLOSE_PAREN )? ;

// ---- other statements ----

alterTable : ALTER ( ONLINE | IGNORE )? TABLE qualifiedName ( referenceTarget | soup )* ;

dropStatement : DROP soup* ;

// CREATE DATABASE, CREATE USER, CREATE SEQUENCE ...: kept with their span, not modelled.
otherCreate
    : CREATE ~( TABLE | VIEW | INDEX | TRIGGER | FUNCTION | PROCEDURE | EVENT | OR | TEMPORARY | UNIQUE
              | FULLTEXT | SPATIAL | DEFINER | ALGORITHM | SQL | AGGREGATE | ONLINE | OFFLINE | SEMI
              | CLIENT_DELIMITER )
      soup*
    ;

// ALTER DATABASE, ALTER VIEW, ALTER EVENT ...
otherAlter : ALTER ~( TABLE | ONLINE | IGNORE | SEMI | CLIENT_DELIMITER ) soup* ;

otherStatement : otherStart ( soup | SEMI )* ;

otherStart
    : OPEN_PAREN balanced* CLOSE_PAREN
    | ~( CREATE | ALTER | DROP | SEMI | CLIENT_DELIMITER | OPEN_PAREN | CLOSE_PAREN )
    ;

// ---- pieces ----

orReplace : OR REPLACE ;

ifNotExists : IF NOT EXISTS ;

qualifiedName : name ( DOT name )? ;

name : IDENTIFIER | BACKQUOTED_NAME | nonReservedKeyword ;

// Text in which no statement can start: a CREATE, ALTER or DROP there means a ';' is missing before it.
clause : OPEN_PAREN balanced* CLOSE_PAREN | ~( OPEN_PAREN | CLOSE_PAREN | SEMI | CLIENT_DELIMITER | CREATE | ALTER | DROP ) ;

soup : OPEN_PAREN balanced* CLOSE_PAREN | ~( OPEN_PAREN | CLOSE_PAREN | SEMI | CLIENT_DELIMITER ) ;

balanced : OPEN_PAREN balanced* CLOSE_PAREN | ~( OPEN_PAREN | CLOSE_PAREN | CLIENT_DELIMITER ) ;

nonReservedKeyword
    : ACTION | AFTER | AGGREGATE | ALGORITHM | ALWAYS | CHARSET | COMMENT | DEFINER | END | ENFORCED | EVENT | FIRST
    | FUNCTION | GENERATED | INVISIBLE | INVOKER | MODIFY | NO | OFFLINE | ONLINE | PERIOD | ROW | SCHEDULE
    | SECURITY | START | TEMPORARY | VIEW | VISIBLE
    ;
