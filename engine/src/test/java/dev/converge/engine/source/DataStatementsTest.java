package dev.converge.engine.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataStatementsTest {
    @ParameterizedTest
    @ValueSource(strings = {"INSERT INTO t VALUES (1)", "-- the version row\n/* v2 */ insert into t values (1)",
            "UPDATE t SET a = 1", "COPY t (a) FROM stdin"})
    void statementsThatWriteRowsAreDataWhateverCommentsComeFirst(String sql) {
        assertTrue(DataStatements.isData(sql), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE TABLE inserts (id int)",
            "CREATE FUNCTION f() RETURNS void AS $$ INSERT INTO t VALUES (1) $$ LANGUAGE sql",
            "ALTER TABLE t ADD COLUMN a int"})
    void statementsThatOnlyNameAWriteAreNotData(String sql) {
        assertFalse(DataStatements.isData(sql), sql);
    }

    @Test
    void theNoteCountsThemAndNamesWhereTheFirstFiveAre() {
        SourceFile file = new SourceFile("schema/app.sql", "x\n".repeat(20));
        List<SqlStatement> statements = new ArrayList<>();
        statements.add(new SqlStatement(file, "CREATE TABLE t (a int)", 0));
        for (int line = 1; line <= 7; line++) {
            statements.add(new SqlStatement(file, "INSERT INTO t VALUES (" + line + ")", line * 2));
        }
        assertEquals(Optional.of("7 data statements in the desired files ran in the shadow database only; rows are"
                + " not part of the plan and are not written to the target: schema/app.sql:2, schema/app.sql:3,"
                + " schema/app.sql:4, schema/app.sql:5, schema/app.sql:6 and 2 more"),
                DataStatements.note(SourceModel.unparsed(statements)));
        assertEquals(Optional.empty(), DataStatements.note(SourceModel.unparsed(statements.subList(0, 1))));
    }
}
