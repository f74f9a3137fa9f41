package dev.converge.dialect.mysql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class MysqlStatementSplitterTest {
    private final MysqlStatementSplitter splitter = new MysqlStatementSplitter();

    private List<String> split(String text) {
        return splitter.split(new SourceFile("s.sql", text)).stream().map(SqlStatement::sql).toList();
    }

    /** Asserts that {@code text} is bad input whose first problem is at {@code where}; returns that problem. */
    private Diagnostic badInputAt(String where, String text) {
        BadInputException e = assertThrows(BadInputException.class, () -> split(text));
        Diagnostic first = e.diagnostics().get(0);
        assertEquals(where, first.span().toString(), e.render());
        return first;
    }

    @Test
    void semicolonsInCommentsStringsAndNamesDoNotSplit() {
        List<String> got = split("# hash; comment\nCREATE TABLE `a;b` (x VARCHAR(5) DEFAULT 'it''s; \\' fine'); -- c; d\n"
                + "/* block; */ CREATE VIEW v AS SELECT \"q;\" AS y;\nSELECT 1--1;");
        assertEquals(List.of("CREATE TABLE `a;b` (x VARCHAR(5) DEFAULT 'it''s; \\' fine')",
                "CREATE VIEW v AS SELECT \"q;\" AS y", "SELECT 1--1"), got);
    }

    @Test
    void triggerAndRoutineBodiesEndAtTheirEnd() {
        String trigger = "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN\n"
                + "  IF NEW.a < 0 THEN SET NEW.a = 0; END IF;\n"
                + "  CASE WHEN NEW.b = 1 THEN SET NEW.c = 2; ELSE SET NEW.c = 3; END CASE;\n"
                + "  SET NEW.d = CASE WHEN NEW.a > 1 THEN 1 ELSE 0 END;\n"
                + "END";
        String procedure = "CREATE DEFINER=`root`@`%` PROCEDURE p() BEGIN DECLARE i INT DEFAULT 0; "
                + "WHILE i < 3 DO SET i = i + 1; END WHILE; BEGIN SELECT 1; END; END";
        List<String> got = split(trigger + ";\n" + procedure + ";\nCREATE TABLE z (id INT);");
        assertEquals(List.of(trigger, procedure, "CREATE TABLE z (id INT)"), got);
    }

    @Test
    void aTriggerWithoutBodyEndsAtItsSemicolon() {
        assertEquals(List.of("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1", "SELECT 2"),
                split("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1; SELECT 2;"));
    }

    @Test
    void executableCommentsStayInTheStatement() {
        assertEquals(List.of("CREATE TABLE t (id INT) /*!50100 COMMENT 'x' */"),
                split("CREATE TABLE t (id INT) /*!50100 COMMENT 'x' */;"));
    }

    @Test
    void statementsKnowWhereTheyStart() {
        List<SqlStatement> got = splitter.split(new SourceFile("s.sql", "SELECT 1;\n\n  SELECT 2;"));
        assertEquals(3, got.get(1).span().line());
        assertEquals(3, got.get(1).span().column());
    }

    @Test
    void unterminatedStringIsBadInputAtItsStart() {
        Diagnostic problem = badInputAt("s.sql:2:8", "SELECT 1;\nSELECT 'open;\n");
        assertTrue(problem.message().contains("unterminated string"), problem.message());
    }

    @Test
    void unterminatedQuotedNameAndCommentAreBadInput() {
        assertThrows(BadInputException.class, () -> split("CREATE TABLE `t (id INT);"));
        assertThrows(BadInputException.class, () -> split("CREATE TABLE t (id INT); /* never closed"));
    }

    @Test
    void delimiterLinesChangeWhereStatementsEndAsInTheMysqlClient() {
        String text = "CREATE TABLE t (id INT);\n"
                + "DELIMITER //\n"
                + "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT ';'; END//\n"
                + "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.id = 1; //\n"
                + "  delimiter $$\n"
                + "CREATE FUNCTION f() RETURNS INT RETURN 1$$\n"
                + "DELIMITER ;\n"
                + "CREATE TABLE u (id INT);";
        List<SqlStatement> got = splitter.split(new SourceFile("s.sql", text));
        assertEquals(List.of("CREATE TABLE t (id INT)", "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT ';'; END",
                "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.id = 1;",
                "CREATE FUNCTION f() RETURNS INT RETURN 1", "CREATE TABLE u (id INT)"),
                got.stream().map(SqlStatement::sql).toList());
        assertEquals(6, got.get(3).span().line(), "positions stay those of the file");
    }

    @Test
    void aDelimiterLineWithoutDelimiterIsBadInputAtItsLine() {
        Diagnostic problem = badInputAt("s.sql:2:1", "SELECT 1;\nDELIMITER\nSELECT 2;");
        assertTrue(problem.hint().contains("DELIMITER //"), problem.hint());
    }

    @Test
    void commentsBeforeAStatementBelongToIt() {
        List<SqlStatement> got = splitter.split(new SourceFile("s.sql",
                "-- converge:renamed-from old_t\n# plain\n/* block */ CREATE TABLE t (id INT); -- trailing\nSELECT 1;"));
        assertEquals(List.of("-- converge:renamed-from old_t", "# plain", "/* block */"), got.get(0).leadingComments());
        assertEquals(List.of("-- trailing"), got.get(1).leadingComments());
    }
}
