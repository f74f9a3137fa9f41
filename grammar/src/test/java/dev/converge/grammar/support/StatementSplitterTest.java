package dev.converge.grammar.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementSplitterTest {
    private final StatementSplitter splitter = new StatementSplitter();

    private List<String> texts(String sql) {
        SplitResult result = splitter.split(sql);
        assertEquals(List.of(), result.issues(), "issues of " + sql);
        return result.statements().stream().map(RawStatement::text).toList();
    }

    /** Scripts and the statements they split into, each named by what it shows. */
    static Stream<Arguments> scripts() {
        String fn = """
                create function f(x int) returns int language sql
                begin atomic
                  select case when x > 0 then 1 else 0 end;
                  select case x when 1 then (case when true then 2 end) end;
                end""";
        return Stream.of(
                script("semicolons split, empty pieces are dropped",
                        "create table a (x int);;\n ; create table b (y int);\n",
                        "create table a (x int)", "create table b (y int)"),
                script("the last statement needs no semicolon", "select 1;\nselect 2  \n", "select 1", "select 2"),
                script("a semicolon in a line comment does not split, a trailing comment is not text",
                        "select 1 -- comment; here\n;select 2;", "select 1", "select 2"),
                script("operators do not swallow comment starts", "select 1+-- c;\n2;\nselect 3 */*c;*/4;",
                        "select 1+-- c;\n2", "select 3 */*c;*/4"),
                // standard_conforming_strings: 'a\' is a whole string, so the ';' after it splits
                script("an escaped quote in a standard string is no backslash escape", "select 'a\\'; select 'b';",
                        "select 'a\\'", "select 'b'"),
                script("a BEGIN ATOMIC body does not split, CASE ... END nests", fn + ";\nselect 1;", fn, "select 1"),
                script("a plain BEGIN still splits", "begin; select 1; commit;", "begin", "select 1", "commit"));
    }

    private static Arguments script(String shows, String sql, String... statements) {
        return arguments(Named.of(shows, sql), List.of(statements));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void splitsIntoStatements(String sql, List<String> statements) {
        assertEquals(statements, texts(sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select 'a;b'",
        "select 'it''s; fine'",
        "select E'it\\'s; fine'",
        "select e'back\\\\'",
        "select U&'d\\0061t;a'",
        "select N'na;t'",
        "select B'10;1'",
        "select X'1F;'",
        "select \"odd;name\"",
        "select \"say \"\"hi;\"\"\"",
        "select U&\"d;\\0061t\"",
        "select $$a;b$$",
        "select $fn$ body; $$ inner; $$ more; $fn$",
        "select $a$ x $b$ ; $b$ ; $a$",
        "select /* a; /* nested; */ still; */ 1",
        "select /* ** / / * */ 1",
        "select $1; ",
        "select a$b$ from t",
    })
    void semicolonInsideDoesNotSplit(String sql) {
        List<String> got = texts(sql + ";\nselect 2;");
        assertEquals(2, got.size(), () -> "split as " + got);
        assertEquals(sql.strip().replaceAll(";$", "").strip(), got.get(0).replaceAll(";$", ""));
        assertEquals("select 2", got.get(1));
    }

    @Test
    void unclosedBeginAtomicIsReported() {
        SplitResult r = splitter.split("create function f() returns int language sql\nbegin atomic select 1;");
        assertEquals(1, r.issues().size());
        assertEquals(2, r.issues().get(0).line());
        assertEquals(1, r.issues().get(0).column());
    }

    @Test
    void offsetsPointAtFirstTokenAfterLeadingComments() {
        String sql = "-- header\n/* about t */\n  create table t (a int) -- trailing\n;\n";
        RawStatement s = splitter.split(sql).statements().get(0);
        assertEquals(sql.indexOf("create"), s.startOffset());
        assertEquals(sql.indexOf(" -- trailing"), s.endOffset());
        assertEquals("create table t (a int)", s.text());
        assertEquals(List.of("-- header", "/* about t */"), s.leadingComments());
    }

    @Test
    void trailingCommentOnTheTerminatorLineBelongsToThePreviousStatement() {
        String sql = "create table a (x int); -- about a\n-- converge:renamed-from old_b\ncreate table b (y int);";
        List<RawStatement> st = splitter.split(sql).statements();
        assertEquals(List.of(), st.get(0).leadingComments());
        assertEquals(List.of("-- converge:renamed-from old_b"), st.get(1).leadingComments());
    }

    @Test
    void commentOnlyAndBlankFilesHaveNoStatements() {
        for (String sql : List.of("", "  \n\t", "-- only\n/* a /* b */ c */\n", ";;\n-- x\n;")) {
            SplitResult r = splitter.split(sql);
            assertEquals(List.of(), r.statements(), sql);
            assertEquals(List.of(), r.issues(), sql);
        }
    }

    @Test
    void crlfFilesSplitAndKeepOffsets() {
        String sql = "create table a (x int);\r\n\r\n-- c\r\ncreate table b (\r\n  y int\r\n);\r\n";
        List<RawStatement> st = splitter.split(sql).statements();
        assertEquals(2, st.size());
        assertEquals("create table b (\r\n  y int\r\n)", st.get(1).text());
        assertEquals(sql.indexOf("create table b"), st.get(1).startOffset());
        assertEquals(List.of("-- c"), st.get(1).leadingComments());
    }

    @Test
    void offsetsAreJavaCharOffsetsEvenAfterAnEmoji() {
        String sql = "-- \uD83D\uDE00 smile\nselect '\uD83D\uDE00';\nselect 2;";
        List<RawStatement> st = splitter.split(sql).statements();
        assertEquals("select '\uD83D\uDE00'", st.get(0).text());
        assertEquals(sql.indexOf("select 2"), st.get(1).startOffset());
    }

    @Test
    void unterminatedFormsAreReportedWhereTheyStart() {
        assertIssue("select 1;\nselect 'abc;\nselect 2;", 2, 8, "unterminated string literal");
        assertIssue("select E'abc\\';", 1, 8, "unterminated string literal");
        assertIssue("select \"abc;", 1, 8, "unterminated quoted identifier");
        assertIssue("select 1;\n  /* a /* b */ ;", 2, 3, "unterminated /* comment");
        assertIssue("select $body$ x $other$;", 1, 8, "unterminated dollar-quoted string $body$");
        assertIssue("select $$ x;", 1, 8, "unterminated dollar-quoted string $$");
    }

    private void assertIssue(String sql, int line, int column, String message) {
        SplitResult r = splitter.split(sql);
        assertEquals(1, r.issues().size(), () -> "issues of " + sql + ": " + r.issues());
        LexicalIssue issue = r.issues().get(0);
        assertEquals(message, issue.message());
        assertEquals(line, issue.line(), "line");
        assertEquals(column, issue.column(), "column");
        assertEquals(sql.split("\n", -1)[line - 1].length() >= column - 1, true);
        assertTrue(issue.hint() != null && !issue.hint().isBlank());
    }

    @Test
    void psqlMetaCommandsAreIssuesAndNotPartOfStatements() {
        String sql = "\\connect mydb\ncreate table t (a int);\n  \\i other.sql\nselect '\n\\not a command';";
        SplitResult r = splitter.split(sql);
        assertEquals(2, r.issues().size());
        assertEquals(new LexicalIssue(0, 1, 1, "psql meta-command \\connect in a SQL file",
                StatementSplitter.META_COMMAND_HINT), r.issues().get(0));
        assertEquals(3, r.issues().get(1).line());
        assertEquals(3, r.issues().get(1).column());
        assertEquals(List.of("create table t (a int)", "select '\n\\not a command'"),
                r.statements().stream().map(RawStatement::text).toList());
    }

    @Test
    void leadingWordsSkipCommentsAndStopAtNonWords() {
        assertEquals(List.of("CREATE", "OR", "REPLACE", "VIEW", "V"),
                LeadingWords.of("/* x */ create or -- y\n replace view v as select 1", 5));
        assertEquals(List.of("CREATE", "TABLE"), LeadingWords.of("create table \"T\" (a int)", 5));
        assertEquals(List.of("ALTER"), LeadingWords.of("alter table t", 1));
    }

    @Test
    void identifierFinderMatchesFoldedAndQuotedNamesButNotStrings() {
        String sql = "create table t (a int references Nowhere, b int references \"Odd\"\"x\", c text default 'ghost')";
        assertEquals(sql.indexOf("Nowhere"), IdentifierFinder.find(sql, "nowhere"));
        assertEquals(sql.indexOf("\"Odd"), IdentifierFinder.find(sql, "Odd\"x"));
        assertEquals(-1, IdentifierFinder.find(sql, "odd\"x"));
        assertEquals(-1, IdentifierFinder.find(sql, "ghost"));
        assertEquals(sql.indexOf("Nowhere"), IdentifierFinder.find(sql, "app.nowhere"));
    }

    @Test
    void createdNameReadsTheDeclaredNameAsStored() {
        assertEquals(java.util.Optional.of("orders"), CreatedName.of("create table if not exists App.Orders (a int)"));
        assertEquals(java.util.Optional.of("My View"), CreatedName.of("create or replace /* c */ view \"My View\" as select 1"));
        assertEquals(java.util.Optional.of("mood"), CreatedName.of("CREATE TYPE mood AS ENUM ('a')"));
        assertEquals(java.util.Optional.of("type"), CreatedName.of("create table type (a int)"));
        assertEquals(java.util.Optional.empty(), CreatedName.of("create index on t (a)"));
        assertEquals(java.util.Optional.empty(), CreatedName.of("alter table t add b int"));
    }
}
