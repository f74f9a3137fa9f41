/*
 * PostgresParser reads the DDL Converge manages into a parse tree that the source model is built
 * from: what each statement declares, what it references, and where. It is deliberately coarse
 * where Converge needs nothing but the references (expressions, query bodies, function bodies,
 * storage options): those are balanced token soup in which function calls, casts and qualified
 * names are still recognised. A statement of a kind Converge does not model parses as
 * otherStatement, with its span, rather than failing.
 *
 * Key words: PostgresLexer emits every word as IDENTIFIER (as the server's scanner does); the
 * KeywordTokenSource gives the words listed in `tokens` below their own token types before the
 * parser sees them. Words reserved in PostgreSQL (SQL Key Words appendix, "reserved" and
 * "reserved (can be function or type)") cannot be names; the others can (nonReservedKeyword).
 * Reference: https://www.postgresql.org/docs/15/sql-keywords-appendix.html
 */
parser grammar PostgresParser;

options { tokenVocab = PostgresLexer; }

tokens {
    ACTION,
    ADD,
    AFTER,
    AGGREGATE,
    ALL,
    ALTER,
    ALWAYS,
    ANALYSE,
    ANALYZE,
    AND,
    ANY,
    ARRAY,
    AS,
    ASC,
    ASYMMETRIC,
    ATTACH,
    AUTHORIZATION,
    BEFORE,
    BINARY,
    BIT,
    BOTH,
    BY,
    CASCADE,
    CASE,
    CAST,
    CHAR,
    CHARACTER,
    CHECK,
    COLLATE,
    COLLATION,
    COLUMN,
    COMMENT,
    COMMIT,
    COMPRESSION,
    CONCURRENTLY,
    CONSTRAINT,
    CREATE,
    CROSS,
    CURRENT_CATALOG,
    CURRENT_DATE,
    CURRENT_ROLE,
    CURRENT_SCHEMA,
    CURRENT_TIME,
    CURRENT_TIMESTAMP,
    CURRENT_USER,
    DATA,
    DAY,
    DEFAULT,
    DEFERRABLE,
    DEFERRED,
    DELETE,
    DESC,
    DISTINCT,
    DO,
    DOMAIN,
    DOUBLE,
    DROP,
    EACH,
    ELSE,
    END,
    ENUM,
    EXCEPT,
    EXCLUDE,
    EXECUTE,
    EXISTS,
    EXTENSION,
    FALSE,
    FETCH,
    FOR,
    FOREIGN,
    FREEZE,
    FROM,
    FULL,
    FUNCTION,
    GENERATED,
    GLOBAL,
    GRANT,
    GROUP,
    HAVING,
    HOUR,
    IDENTITY,
    IF,
    ILIKE,
    IMMEDIATE,
    IN,
    INCLUDE,
    INDEX,
    INHERIT,
    INHERITS,
    INITIALLY,
    INNER,
    INOUT,
    INSTEAD,
    INTERSECT,
    INTERVAL,
    INTO,
    IS,
    ISNULL,
    JOIN,
    KEY,
    LATERAL,
    LEADING,
    LEFT,
    LIKE,
    LIMIT,
    LOCAL,
    LOCALTIME,
    LOCALTIMESTAMP,
    MATCH,
    MATERIALIZED,
    MINUTE,
    MONTH,
    NATIONAL,
    NATURAL,
    NO,
    NOT,
    NOTNULL,
    NULL,
    NULLS,
    OF,
    OFFSET,
    OIDS,
    ON,
    ONLY,
    OPTIONS,
    OR,
    ORDER,
    OUT,
    OUTER,
    OVERLAPS,
    OWNED,
    OWNER,
    PARTIAL,
    PARTITION,
    PLACING,
    POLICY,
    PRECISION,
    PRIMARY,
    PROCEDURE,
    RANGE,
    RECURSIVE,
    REFERENCES,
    RENAME,
    REPLACE,
    RESTRICT,
    RETURNING,
    RETURNS,
    REVOKE,
    RIGHT,
    ROW,
    SCHEMA,
    SECOND,
    SELECT,
    SEQUENCE,
    SESSION_USER,
    SET,
    SETOF,
    SIMILAR,
    SIMPLE,
    SOME,
    STATEMENT,
    STORAGE,
    STORED,
    SYMMETRIC,
    TABLE,
    TABLESAMPLE,
    TABLESPACE,
    TEMP,
    TEMPORARY,
    THEN,
    TIME,
    TIMESTAMP,
    TO,
    TRAILING,
    TRIGGER,
    TRUE,
    TYPE,
    UNION,
    UNIQUE,
    UNLOGGED,
    UPDATE,
    USER,
    USING,
    VALID,
    VALUES,
    VARIADIC,
    VARYING,
    VERBOSE,
    VIEW,
    WHEN,
    WHERE,
    WINDOW,
    WITH,
    WITHOUT,
    YEAR,
    ZONE
}

// One statement, as the splitter cut it (without its ';').
singleStatement : statement SEMI? EOF ;

statement
    : createSchema
    | createTable
    | createIndex
    | createSequence
    | createType
    | createDomain
    | createView
    | createMaterializedView
    | createFunction
    | createTrigger
    | createPolicy
    | createExtension
    | alterTable
    | alterSequence
    | commentOn
    | grantOrRevoke
    | dropStatement
    | setStatement
    | otherCreate
    | otherAlter
    | otherStatement
    ;

// ---------------------------------------------------------------- schemas
createSchema
    : CREATE SCHEMA ifNotExists? (identifier (AUTHORIZATION roleName)? | AUTHORIZATION roleName) soup?
    ;

// ---------------------------------------------------------------- tables
createTable
    : CREATE tableScope? TABLE ifNotExists? qualifiedName tableBody tableTail*
    ;

tableScope : (GLOBAL | LOCAL)? (TEMP | TEMPORARY) | UNLOGGED ;

tableBody
    : OPEN_PAREN (tableElement (COMMA tableElement)*)? CLOSE_PAREN
    | OF typeName (OPEN_PAREN listSoup (COMMA listSoup)* CLOSE_PAREN)?
    | PARTITION OF qualifiedName (OPEN_PAREN listSoup (COMMA listSoup)* CLOSE_PAREN)?
    | AS query
    ;

tableTail
    : INHERITS OPEN_PAREN qualifiedName (COMMA qualifiedName)* CLOSE_PAREN
    | PARTITION BY identifier parenGroup
    | FOR VALUES listSoup
    | DEFAULT
    | USING identifier
    | WITH parenGroup
    | WITHOUT OIDS
    | ON COMMIT identifier identifier?
    | TABLESPACE identifier
    ;

tableElement
    : tableConstraint
    | LIKE qualifiedName likeOption*
    | columnDef
    ;

likeOption : (identifier | ALL) identifier? ;

columnDef : identifier typeName columnOption* ;

columnOption
    : CONSTRAINT identifier columnConstraint
    | columnConstraint
    | COLLATE qualifiedName
    // PostgreSQL 14+ (COMPRESSION) and 16+ (STORAGE): a column's physical settings
    | COMPRESSION (identifier | DEFAULT)
    | STORAGE (identifier | DEFAULT)
    | constraintAttribute
    ;

columnConstraint
    : NOT NULL
    | NULL
    | CHECK OPEN_PAREN expr CLOSE_PAREN (NO INHERIT)?
    | DEFAULT defaultExpr
    | GENERATED (ALWAYS | BY DEFAULT) AS IDENTITY (OPEN_PAREN soup? CLOSE_PAREN)?
    | GENERATED ALWAYS AS OPEN_PAREN expr CLOSE_PAREN STORED
    | UNIQUE nullsDistinct? indexParameters
    | PRIMARY KEY indexParameters
    | REFERENCES qualifiedName columnList? referenceOption*
    ;

tableConstraint
    : (CONSTRAINT identifier)? tableConstraintBody constraintAttribute*
    ;

tableConstraintBody
    : CHECK OPEN_PAREN expr CLOSE_PAREN (NO INHERIT)?
    // USING INDEX: ALTER TABLE ... ADD, where an existing index becomes the key
    | UNIQUE (nullsDistinct? columnList indexParameters | USING INDEX identifier)
    | PRIMARY KEY (columnList indexParameters | USING INDEX identifier)
    | FOREIGN KEY columnList REFERENCES qualifiedName columnList? referenceOption*
    | EXCLUDE (USING identifier)? OPEN_PAREN expr CLOSE_PAREN indexParameters (WHERE OPEN_PAREN expr CLOSE_PAREN)?
    ;

nullsDistinct : NULLS NOT? DISTINCT ;

indexParameters
    : (INCLUDE columnList | WITH parenGroup | USING INDEX TABLESPACE identifier)*
    ;

referenceOption
    : MATCH (FULL | PARTIAL | SIMPLE)
    | ON (DELETE | UPDATE) referenceAction
    ;

referenceAction : NO ACTION | RESTRICT | CASCADE | SET (NULL | DEFAULT) columnList? ;

constraintAttribute
    : NOT? DEFERRABLE
    | INITIALLY (DEFERRED | IMMEDIATE)
    | NOT VALID
    ;

columnList : OPEN_PAREN identifier (COMMA identifier)* CLOSE_PAREN ;

// ---------------------------------------------------------------- indexes
createIndex
    : CREATE UNIQUE? INDEX CONCURRENTLY? (ifNotExists? identifier)? ON ONLY? qualifiedName
      (USING identifier)? OPEN_PAREN listSoup (COMMA listSoup)* CLOSE_PAREN
      (INCLUDE columnList | nullsDistinct | WITH parenGroup | TABLESPACE identifier)*
      (WHERE expr)?
    ;

// ---------------------------------------------------------------- sequences
createSequence
    : CREATE tableScope? SEQUENCE ifNotExists? qualifiedName sequenceOption*
    ;

alterSequence
    : ALTER SEQUENCE (IF EXISTS)? qualifiedName sequenceOption*
    ;

sequenceOption
    : AS typeName
    | OWNED BY qualifiedName
    | ~(SEMI | AS | OWNED)
    ;

// ---------------------------------------------------------------- types
createType
    : CREATE TYPE qualifiedName
      ( AS ENUM OPEN_PAREN (enumLabel (COMMA enumLabel)*)? CLOSE_PAREN
      | AS OPEN_PAREN (typeAttribute (COMMA typeAttribute)*)? CLOSE_PAREN
      | AS RANGE parenGroup
      | parenGroup
      )?
    ;

enumLabel : STRING ;

typeAttribute : identifier typeName (COLLATE qualifiedName)? ;

createDomain
    : CREATE DOMAIN qualifiedName AS? typeName soup?
    ;

// ---------------------------------------------------------------- views
createView
    : CREATE (OR REPLACE)? (TEMP | TEMPORARY)? RECURSIVE? VIEW qualifiedName columnList?
      (WITH parenGroup)? AS query
    ;

createMaterializedView
    : CREATE MATERIALIZED VIEW ifNotExists? qualifiedName columnList? (USING identifier)?
      (WITH parenGroup)? (TABLESPACE identifier)? AS query
    ;

// A query is read as balanced token soup; the source model finds the relations after FROM and JOIN.
query : expr ;

// ---------------------------------------------------------------- functions, triggers, policies
createFunction
    : CREATE (OR REPLACE)? (FUNCTION | PROCEDURE) qualifiedName
      OPEN_PAREN (functionParameter (COMMA functionParameter)*)? CLOSE_PAREN
      functionOption*
    ;

functionParameter
    : parameterMode? (identifier typeName | typeName) ((DEFAULT | OPERATOR) expr)?
    ;

parameterMode : IN | OUT | INOUT | VARIADIC ;

// The ';' of a SQL-standard body (BEGIN ATOMIC ... END) are inside the statement: the splitter kept them.
functionOption
    : RETURNS NULL ON NULL identifier   // RETURNS NULL ON NULL INPUT (STRICT), wherever it is written
    | RETURNS (TABLE OPEN_PAREN typeAttribute (COMMA typeAttribute)* CLOSE_PAREN | typeName)
    | ~RETURNS
    ;

createTrigger
    : CREATE (OR REPLACE)? CONSTRAINT? TRIGGER identifier (BEFORE | AFTER | INSTEAD OF)
      triggerEvent (OR triggerEvent)* ON qualifiedName triggerOption*
      EXECUTE (FUNCTION | PROCEDURE) functionCall
    ;

triggerEvent : identifier (OF identifier (COMMA identifier)*)? ;

triggerOption : ~(SEMI | EXECUTE) ;

createPolicy
    : CREATE POLICY identifier ON qualifiedName soup?
    ;

createExtension
    : CREATE EXTENSION ifNotExists? identifier soup?
    ;

// ---------------------------------------------------------------- ALTER TABLE
alterTable
    : ALTER TABLE (IF EXISTS)? ONLY? qualifiedName alterTableAction (COMMA alterTableAction)*
    ;

alterTableAction
    : ADD COLUMN? ifNotExists? columnDef                                          # addColumn
    | ADD tableConstraint                                                         # addConstraint
    | ALTER COLUMN? identifier (SET DATA)? TYPE typeName (COLLATE qualifiedName)? (USING expr)?  # alterColumnType
    | RENAME COLUMN? identifier TO identifier                                     # renameColumn
    | RENAME CONSTRAINT identifier TO identifier                                  # renameConstraint
    | RENAME TO identifier                                                        # renameTable
    | SET SCHEMA identifier                                                       # setSchema
    | ~(ADD | RENAME | COMMA | SEMI) listSoup?                                     # otherTableAction
    ;

// ---------------------------------------------------------------- COMMENT, GRANT, DROP, SET
commentOn
    : COMMENT ON commentTarget IS (STRING | ESCAPE_STRING | UNICODE_STRING | DOLLAR_STRING | NULL)
    ;

commentTarget
    : objectKind qualifiedName
    | COLUMN qualifiedName
    | CONSTRAINT identifier ON DOMAIN? qualifiedName
    | (TRIGGER | POLICY) identifier ON qualifiedName
    | (FUNCTION | PROCEDURE) qualifiedName parenGroup?
    | ~(IS | SEMI | STRING)+
    ;

objectKind
    : TABLE | VIEW | MATERIALIZED VIEW | SEQUENCE | INDEX | TYPE | DOMAIN | SCHEMA | EXTENSION
    ;

grantOrRevoke : (GRANT | REVOKE) soup ;

dropStatement : DROP soup ;

setStatement : SET soup ;

// A CREATE or ALTER of a kind the source model does not describe (aggregate, operator, cast, ...).
otherCreate
    : CREATE (OR REPLACE)? ~(SEMI | OR | TABLE | INDEX | UNIQUE | SCHEMA | SEQUENCE | TYPE | DOMAIN | VIEW
        | MATERIALIZED | FUNCTION | PROCEDURE | TRIGGER | POLICY | EXTENSION | TEMP | TEMPORARY | UNLOGGED
        | RECURSIVE | CONSTRAINT | GLOBAL | LOCAL) soup?
    ;

otherAlter : ALTER ~(SEMI | TABLE | SEQUENCE) soup? ;

otherStatement
    : ~(SEMI | CREATE | ALTER | COMMENT | GRANT | REVOKE | DROP | SET) soup?
    ;

// ---------------------------------------------------------------- names and types
ifNotExists : IF NOT EXISTS ;

qualifiedName : identifier (DOT identifier)* ;

roleName : identifier | CURRENT_USER | SESSION_USER | CURRENT_ROLE ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | UNICODE_QUOTED_IDENTIFIER
    | nonReservedKeyword
    ;

nonReservedKeyword
    : ACTION
    | ADD
    | AFTER
    | AGGREGATE
    | ALTER
    | ALWAYS
    | ATTACH
    | BEFORE
    | BIT
    | BY
    | CASCADE
    | CHAR
    | CHARACTER
    | COMMENT
    | COMMIT
    | COMPRESSION
    | DATA
    | DAY
    | DEFERRED
    | DELETE
    | DOMAIN
    | DOUBLE
    | DROP
    | EACH
    | ENUM
    | EXCLUDE
    | EXECUTE
    | EXISTS
    | EXTENSION
    | FUNCTION
    | GENERATED
    | GLOBAL
    | HOUR
    | IDENTITY
    | IF
    | IMMEDIATE
    | INCLUDE
    | INDEX
    | INHERIT
    | INHERITS
    | INOUT
    | INSTEAD
    | INTERVAL
    | KEY
    | LOCAL
    | MATCH
    | MATERIALIZED
    | MINUTE
    | MONTH
    | NATIONAL
    | NO
    | NULLS
    | OF
    | OIDS
    | OPTIONS
    | OUT
    | OWNED
    | OWNER
    | PARTIAL
    | PARTITION
    | POLICY
    | PRECISION
    | PROCEDURE
    | RANGE
    | RECURSIVE
    | RENAME
    | REPLACE
    | RESTRICT
    | RETURNS
    | REVOKE
    | ROW
    | SCHEMA
    | SECOND
    | SEQUENCE
    | SET
    | SETOF
    | SIMPLE
    | STATEMENT
    | STORAGE
    | STORED
    | TABLESPACE
    | TEMP
    | TEMPORARY
    | TIME
    | TIMESTAMP
    | TRIGGER
    | TYPE
    | UNLOGGED
    | UPDATE
    | VALID
    | VALUES
    | VARYING
    | VIEW
    | WITHOUT
    | YEAR
    | ZONE
    ;

typeName
    : SETOF? baseType arrayBounds*
    ;

arrayBounds
    : OPEN_BRACKET NUMBER? CLOSE_BRACKET
    | ARRAY (OPEN_BRACKET NUMBER? CLOSE_BRACKET)?
    ;

baseType
    : DOUBLE PRECISION
    | NATIONAL? (CHARACTER | CHAR) VARYING? typeModifiers?
    | BIT VARYING? typeModifiers?
    | (TIMESTAMP | TIME) typeModifiers? ((WITH | WITHOUT) TIME ZONE)?
    | INTERVAL intervalFields? typeModifiers?
    | qualifiedName typeModifiers?
    ;

intervalFields
    : intervalField (TO intervalField)?
    ;

intervalField : YEAR | MONTH | DAY | HOUR | MINUTE | SECOND ;

typeModifiers : OPEN_PAREN listSoup (COMMA listSoup)* CLOSE_PAREN ;

// ---------------------------------------------------------------- expressions (permissive)
// Anything up to the end of the statement, parentheses balanced.
soup : (exprItem | COMMA)+ ;

// An expression in a list: balanced, without a comma outside parentheses.
listSoup : exprItem+ ;

expr : (exprItem | COMMA)+ ;

exprItem
    : parenGroup
    | OPEN_BRACKET expr? CLOSE_BRACKET
    | TYPECAST typeName
    | functionCall
    | ~(SEMI | OPEN_PAREN | CLOSE_PAREN | OPEN_BRACKET | CLOSE_BRACKET | COMMA)
    ;

parenGroup : OPEN_PAREN expr? CLOSE_PAREN ;

/*
 * A name, called when followed by arguments. One rule for both: were a bare name and a call two
 * alternatives, telling them apart would need the whole name as lookahead, which the fast SLL
 * prediction gets wrong (and the slow LL fallback then parses every query twice).
 */
functionCall : qualifiedName (OPEN_PAREN expr? CLOSE_PAREN)? ;

/*
 * A column DEFAULT is a b_expr in PostgreSQL's grammar: it ends at the next column option, so
 * NOT, NULL, CONSTRAINT, CHECK and the other option words end it unless inside parentheses.
 */
defaultExpr : NULL defaultItem* | defaultItem+ ;

defaultItem
    : parenGroup
    | OPEN_BRACKET expr? CLOSE_BRACKET
    | TYPECAST typeName
    | functionCall
    | ~(SEMI | OPEN_PAREN | CLOSE_PAREN | OPEN_BRACKET | CLOSE_BRACKET | COMMA | NOT | NULL | CONSTRAINT
        | CHECK | DEFAULT | UNIQUE | PRIMARY | REFERENCES | GENERATED | COLLATE | DEFERRABLE | INITIALLY)
    ;
