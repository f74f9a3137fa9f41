package dev.converge.dialect.mysql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.converge.engine.diag.Diagnostic;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.testing.SyntaxErrorMessagesContract;
import dev.converge.engine.testing.SyntaxErrorTable;
import org.junit.jupiter.api.Test;

/**
 * The exact message, place and hint of each malformed MySQL statement, as `converge plan` and
 * `converge validate` print them: the table is parse/syntax-errors.txt, read by the harness the
 * PostgreSQL table shares. No database: the grammar finds these before any shadow starts.
 */
class MysqlSyntaxErrorMessagesTest extends SyntaxErrorMessagesContract {
    @Override
    protected void parse(SourceFile file) {
        new MysqlDesiredLoader().parse(new MysqlStatementSplitter().split(file));
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

    private Diagnostic onlyProblem(SourceFile file) {
        return SyntaxErrorTable.onlyProblem(this::parse, file);
    }
}
