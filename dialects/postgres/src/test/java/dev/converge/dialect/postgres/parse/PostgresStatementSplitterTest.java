package dev.converge.dialect.postgres.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.source.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresStatementSplitterTest {
    private final PostgresStatementSplitter splitter = new PostgresStatementSplitter();

    @Test
    void statementsKnowTheirFileAndStart() {
        SourceFile file = new SourceFile("schema/a.sql", "-- users\ncreate table users (id int);\n\n  create view v as select ';' as x;\n");
        List<SqlStatement> statements = splitter.split(file);
        assertEquals(2, statements.size());
        assertEquals(new SqlStatement(file, "create table users (id int)", 9, List.of("-- users")), statements.get(0));
        assertEquals("schema/a.sql:4:3", statements.get(1).span().toString());
        assertEquals("create view v as select ';' as x", statements.get(1).sql());
    }

    @Test
    void lexicalIssuesBecomeOneBadInputExceptionWithCarets() {
        SourceFile file = new SourceFile("a.sql", "\\connect db\ncreate table t (a int);\nselect 'oops;\n");
        BadInputException e = assertThrows(BadInputException.class, () -> splitter.split(file));
        assertEquals(2, e.diagnostics().size());
        assertEquals("""
                a.sql:1:1: error: psql meta-command \\connect in a SQL file
                  \\connect db
                  ^
                  hint: psql meta-commands are not SQL; remove the line
                a.sql:3:8: error: unterminated string literal
                  select 'oops;
                         ^
                  hint: close the string with ' (write '' for a quote inside it)
                2 errors in the desired state; nothing was changed.
                """, e.render());
    }

    @Test
    void crlfIssueColumnsIgnoreTheCarriageReturn() {
        SourceFile file = new SourceFile("w.sql", "select 1;\r\n  select \"x;\r\n");
        BadInputException e = assertThrows(BadInputException.class, () -> splitter.split(file));
        assertEquals("w.sql:2:10", e.diagnostics().get(0).span().toString());
        assertEquals("  select \"x;", e.diagnostics().get(0).sourceLine());
    }
}
