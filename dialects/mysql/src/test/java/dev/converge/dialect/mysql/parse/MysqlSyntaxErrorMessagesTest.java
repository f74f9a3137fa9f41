package dev.converge.dialect.mysql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.source.SourceFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact message, place and hint of each malformed MySQL statement, as `converge plan` and
 * `converge validate` print them (input, message, hint). No database: the grammar finds these
 * before any shadow starts.
 */
class MysqlSyntaxErrorMessagesTest {
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("create table orders (id int, total decimal(10,2) CONSTRAINT)",
                        "t.sql:1:60: error: expected <identifier> or CHECK but found ')'",
                        null),
                Arguments.of("create table orders (id int,, total int)",
                        "t.sql:1:29: error: expected <column definition> or <table constraint> but found ','",
                        null),
                Arguments.of("create table orders (id int",
                        "t.sql:1:28: error: expected ')' or ',' but found the end of the statement",
                        null),
                Arguments.of("create table orders id int)",
                        "t.sql:1:21: error: expected '(', AS, LIKE, SELECT or WITH but found 'id'",
                        null),
                Arguments.of("create table (id int)",
                        "t.sql:1:14: error: expected <identifier> or IF but found '('",
                        null),
                Arguments.of("create table order (id int)",
                        "t.sql:1:14: error: expected <identifier> or IF but found 'order'",
                        "'order' is a reserved word in MySQL: quote it (`order`) to use it as a name, or choose another name"),
                Arguments.of("create table t (select int)",
                        "t.sql:1:17: error: expected '(', AS, LIKE, SELECT or WITH but found 'select'",
                        null),
                Arguments.of("create table \"orders\" (id int)",
                        "t.sql:1:14: error: expected <identifier> or IF but found '\"orders\"'",
                        "double quotes make a string in MySQL: quote names with backquotes (`name`)"),
                Arguments.of("create table t (id int generated always as identity)",
                        "t.sql:1:44: error: expected '(' or ROW but found 'identity'",
                        "IDENTITY columns are PostgreSQL syntax: write AUTO_INCREMENT"),
                Arguments.of("create table t (id int primary)",
                        "t.sql:1:31: error: expected KEY but found ')'",
                        null),
                Arguments.of("create table t (id int references)",
                        "t.sql:1:34: error: expected <identifier> but found ')'",
                        null),
                Arguments.of("create table t (id int, foreign key (id) references)",
                        "t.sql:1:52: error: expected <identifier> but found ')'",
                        null),
                Arguments.of("create table t (id int, foreign key (id) references p id)",
                        "t.sql:1:55: error: expected ')' or ',' but found 'id'",
                        null),
                Arguments.of("create table t (id int, primary key id)",
                        "t.sql:1:37: error: expected '(' or USING but found 'id'",
                        null),
                Arguments.of("create table t (id int, unique key u)",
                        "t.sql:1:37: error: expected '(' or USING but found ')'",
                        null),
                Arguments.of("create table t (id int, key (id)",
                        "t.sql:1:33: error: expected ')' or ',' but found the end of the statement",
                        null),
                Arguments.of("create table t (id int default)",
                        "t.sql:1:31: error: expected <expression> but found ')'",
                        null),
                Arguments.of("create table t (id int comment)",
                        "t.sql:1:31: error: expected <string> but found ')'",
                        null),
                Arguments.of("create table t (id int comment 42)",
                        "t.sql:1:32: error: expected <string> but found '42'",
                        null),
                Arguments.of("create table t (id int collate)",
                        "t.sql:1:31: error: expected <identifier> but found ')'",
                        null),
                Arguments.of("create table t (id int character set)",
                        "t.sql:1:37: error: expected <identifier> but found ')'",
                        null),
                Arguments.of("create table t (id int check id > 0)",
                        "t.sql:1:30: error: expected '(' but found 'id'",
                        null),
                Arguments.of("create table t (id int as)",
                        "t.sql:1:26: error: expected '(' but found ')'",
                        null),
                Arguments.of("create table t (id)",
                        "t.sql:1:19: error: expected <data type> but found ')'",
                        null),
                Arguments.of("create table t (id int references p (id) on delete)",
                        "t.sql:1:51: error: expected CASCADE, RESTRICT, SET or NO but found ')'",
                        null),
                Arguments.of("create table t (id int references p (id) on delete set)",
                        "t.sql:1:55: error: expected CASCADE, RESTRICT, SET or NO but found ')'",
                        null),
                Arguments.of("create table t (id int, constraint c)",
                        "t.sql:1:37: error: expected CHECK, FOREIGN, PRIMARY or UNIQUE but found ')'",
                        null),
                Arguments.of("create table if not exist t (id int)",
                        "t.sql:1:21: error: expected EXISTS but found 'exist'",
                        null),
                Arguments.of("create temporary view v as select 1",
                        "t.sql:1:18: error: expected TABLE but found 'view'",
                        null),
                Arguments.of("create view v select 1",
                        "t.sql:1:15: error: expected '(' or AS but found 'select'",
                        null),
                Arguments.of("create view v as",
                        "t.sql:1:17: error: expected <query> but found the end of the statement",
                        null),
                Arguments.of("create view v (a, b as select 1, 2",
                        "t.sql:1:21: error: expected ')' or ',' but found 'as'",
                        null),
                Arguments.of("create algorithm view v as select 1",
                        "t.sql:1:18: error: expected '=' but found 'view'",
                        null),
                Arguments.of("create sql security nobody view v as select 1",
                        "t.sql:1:21: error: expected DEFINER or INVOKER but found 'nobody'",
                        null),
                Arguments.of("create index i on t",
                        "t.sql:1:20: error: expected '(' or '.' but found the end of the statement",
                        null),
                Arguments.of("create index on t (a)",
                        "t.sql:1:14: error: expected <identifier> or IF but found 'on'",
                        "'on' is a reserved word in MySQL: quote it (`on`) to use it as a name, or choose another name"),
                Arguments.of("create index i t (a)",
                        "t.sql:1:16: error: expected ON or USING but found 't'",
                        null),
                Arguments.of("create unique index i on t ()",
                        "t.sql:1:29: error: expected <identifier> or '(' but found ')'",
                        null),
                Arguments.of("create trigger tr before insert t for each row set new.a = 1",
                        "t.sql:1:33: error: expected ON but found 't'",
                        null),
                Arguments.of("create trigger tr insert on t for each row set new.a = 1",
                        "t.sql:1:19: error: expected BEFORE or AFTER but found 'insert'",
                        null),
                Arguments.of("create trigger tr before insert on t for each set new.a = 1",
                        "t.sql:1:47: error: expected ROW but found 'set'",
                        null),
                Arguments.of("create trigger tr before insert on t for each row",
                        "t.sql:1:50: error: expected <statement> but found the end of the statement",
                        null),
                Arguments.of("create function f( returns int return 1",
                        "t.sql:1:40: error: expected ')' or ',' but found the end of the statement",
                        null),
                Arguments.of("create procedure p begin select 1; end",
                        "t.sql:1:20: error: expected '(' but found 'begin'",
                        null),
                Arguments.of("create event e do select 1",
                        "t.sql:1:16: error: expected '.' or ON but found 'do'",
                        null),
                Arguments.of("alter table",
                        "t.sql:1:12: error: expected <identifier> but found the end of the statement",
                        null),
                Arguments.of("create table t (id int references p (id) on update)",
                        "t.sql:1:51: error: expected <expression> but found ')'",
                        null),
                Arguments.of("create table t (a int) partition by hash(a",
                        "t.sql:1:43: error: expected ')' or ',' but found the end of the statement",
                        null),
                Arguments.of("create table t (id int default (1 +)",
                        "t.sql:1:37: error: expected ')' or ',' but found the end of the statement",
                        null),
                Arguments.of("create table t (id int, index)",
                        "t.sql:1:30: error: expected <identifier>, '(' or USING but found ')'",
                        null),
                Arguments.of("create table t (id int, fulltext key (id)",
                        "t.sql:1:42: error: expected ')' or ',' but found the end of the statement",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void messageIsExact(String sql, String expected, String hint) {
        Diagnostic d = onlyProblem(new SourceFile("t.sql", sql + ";\n"));
        assertEquals(expected, d.span() + ": error: " + d.message());
        assertEquals(hint, d.hint());
    }

    @Test
    void theProblemIsPlacedInItsFileAfterDelimiterLines() {
        Diagnostic d = onlyProblem(new SourceFile("schema/t.sql", "CREATE TABLE a (id INT);\n"
                + "DELIMITER //\n"
                + "CREATE TRIGGER tr BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.id = 1; END//\n"
                + "DELIMITER ;\n"
                + "CREATE TABLE b (\n  id INT,\n  total DECIMAL(10,2) DEFAULT\n);\n"));
        assertEquals("schema/t.sql:8:1: error: expected <expression> but found ')'", d.span() + ": error: " + d.message());
    }

    @Test
    void aMissingSemicolonIsHinted() {
        Diagnostic d = onlyProblem(new SourceFile("t.sql", "CREATE VIEW v AS SELECT 1\nCREATE TABLE t (id INT);\n"));
        assertEquals("t.sql:2:1: error: expected ';' but found 'CREATE'", d.span() + ": error: " + d.message());
        assertEquals("a ';' is probably missing at the end of the previous statement", d.hint());
    }

    private static Diagnostic onlyProblem(SourceFile file) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new MysqlDesiredLoader().parse(new MysqlStatementSplitter().split(file)));
        assertEquals(1, e.diagnostics().size(), e::render);
        return e.diagnostics().get(0);
    }
}
