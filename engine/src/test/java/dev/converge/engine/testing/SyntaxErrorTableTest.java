package dev.converge.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table format the dialects' syntax-error tests are kept in reads every case whole, or refuses. */
class SyntaxErrorTableTest {
    @Test
    void readsStatementsOfOneOrMoreLinesTheirDiagnosticAndAnOptionalHint() {
        List<SyntaxErrorTable.Case> cases = SyntaxErrorTable.parse("table.txt", """
                # a comment
                create table (id int)
                t.sql:1:14: error: expected <identifier> but found '('

                create table t (a int)
                create table u (b int)
                t.sql:2:1: error: expected ';' but found 'create'
                hint: a ';' is probably missing at the end of the previous statement
                """);
        assertEquals(List.of(
                new SyntaxErrorTable.Case("create table (id int)", "t.sql:1:14: error: expected <identifier> but found '('",
                        null),
                new SyntaxErrorTable.Case("create table t (a int)\ncreate table u (b int)",
                        "t.sql:2:1: error: expected ';' but found 'create'",
                        "a ';' is probably missing at the end of the previous statement")), cases);
    }

    @Test
    void aCaseWithoutItsDiagnosticOrWithMoreAfterItsHintIsRefused() {
        assertThrows(IllegalStateException.class, () -> SyntaxErrorTable.parse("table.txt", "create table\n\n"));
        assertThrows(IllegalStateException.class, () -> SyntaxErrorTable.parse("table.txt",
                "create table\nt.sql:1:13: error: x\nhint: h\nmore\n"));
    }
}
