package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of every kind: each gets a clear message and its exit code, and the target is left
 * exactly as it was (checked with pg_dump, which also sees the converge bookkeeping schema).
 */
class BadInputTest {
    /** What the target holds before each test; a valid desired state keeps all of it. */
    private static final String EXISTING = "CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL, note text);";

    @TempDir
    Path dir;

    private LocalPostgres db;
    private String before;

    @BeforeEach
    void createTarget() {
        db = LocalPostgres.create("cli_bad");
        db.execute(EXISTING);
        before = SchemaDump.of(db);
    }

    @AfterEach
    void dropTarget() {
        db.close();
    }

    @Test
    void syntaxErrorPointsAtFileLineAndColumnWithACaret() throws IOException {
        write("a.sql", EXISTING + "\nCREATE TABEL broken (id int);\n");
        Cli.Result r = badInputPlan();
        assertTrue(r.err().startsWith(reported("a.sql", 2, 8, "syntax error at or near \"TABEL\"",
                "CREATE TABEL broken (id int);")), r.all());
        assertTrue(r.err().endsWith("1 error in the desired state; nothing was changed.\n"), r.all());
    }

    @Test
    void unknownTypeIsReportedAtTheTypeName() throws IOException {
        write("a.sql", EXISTING + "\nCREATE TABLE gadget (\n    id int PRIMARY KEY,\n    size shoe_size\n);\n");
        Cli.Result r = badInputPlan();
        assertTrue(r.err().startsWith(reported("a.sql", 4, 10, "type \"shoe_size\" does not exist",
                "    size shoe_size")), r.all());
    }

    @Test
    void missingReferencedTableHasAHint() throws IOException {
        write("a.sql", EXISTING + "\nCREATE TABLE line (id int, order_id int REFERENCES orders (id));\n");
        Cli.Result r = badInputPlan();
        assertTrue(r.err().startsWith(file("a.sql") + ":2:52: error: relation \"orders\" does not exist\n"), r.all());
        assertTrue(r.err().contains("  hint: "), r.all());

        write("a.sql", EXISTING + "\nCREATE VIEW v AS SELECT * FROM nowhere;\n");
        Cli.Result view = badInputPlan();
        assertTrue(view.err().startsWith(file("a.sql") + ":2:32: error: relation \"nowhere\" does not exist\n"),
                view.all());
        assertTrue(view.err().contains("  hint: "), view.all());
    }

    @Test
    void everyErrorOfTwoFilesIsReportedSortedByFileAndLine() throws IOException {
        // b.sql is written first and its errors come first in load order; the report still sorts.
        write("b.sql", "CREATE VIEW bv AS SELECT * FROM nowhere;\nCREATE TABLE bt (x no_type);\n");
        write("a.sql", EXISTING + "\nCREATE TABLE at1 (x bad_type_one);\n\nCREATE TABLE at2 (x bad_type_two);\n");
        Cli.Result r = badInputPlan();
        List<String> headers = r.err().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(List.of(
                file("a.sql") + ":2:21: error: type \"bad_type_one\" does not exist",
                file("a.sql") + ":4:21: error: type \"bad_type_two\" does not exist",
                file("b.sql") + ":1:33: error: relation \"nowhere\" does not exist",
                file("b.sql") + ":2:20: error: type \"no_type\" does not exist"), headers, r.all());
        assertTrue(r.err().endsWith("4 errors in the desired state; nothing was changed.\n"), r.all());
    }

    @Test
    void lexicalErrorsOfTwoFilesAreAllReported() throws IOException {
        write("a.sql", EXISTING + "\nSELECT 'open;\n");
        write("b.sql", "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1;\n");
        Cli.Result r = badInputPlan();
        List<String> headers = r.err().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(2, headers.size(), r.all());
        assertTrue(headers.get(0).startsWith(file("a.sql") + ":2:8: error: unterminated string"), r.all());
        assertTrue(headers.get(1).startsWith(file("b.sql") + ":1:36: error: unterminated dollar"), r.all());
    }

    @Test
    void unterminatedStringIsReportedWhereItStarts() throws IOException {
        write("a.sql", EXISTING + "\nCOMMENT ON TABLE item IS 'never\nclosed;\nCREATE TABLE x (id int);\n");
        Cli.Result r = badInputPlan();
        assertTrue(r.err().startsWith(file("a.sql") + ":2:26: error: unterminated string"), r.all());
        assertTrue(r.err().contains(shown("COMMENT ON TABLE item IS 'never", 26)), r.all());
    }

    @Test
    void unterminatedDollarQuoteIsReportedWhereItStarts() throws IOException {
        write("a.sql", EXISTING + "\n\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $fn$\n  SELECT 1;\n");
        Cli.Result r = badInputPlan();
        assertTrue(r.err().startsWith(file("a.sql") + ":3:49: error: unterminated dollar"), r.all());
    }

    @Test
    void unreachableHostNamesHostAndPort() throws IOException {
        write("a.sql", EXISTING);
        Cli.Result r = Cli.withServerShadow("plan", "postgresql://postgres@127.0.0.1:1/x",
                dir.toString()).expectExit(1);
        assertTrue(r.err().contains("127.0.0.1:1"), r.all());
        assertEquals("", r.out(), r.all());
    }

    @Test
    void destructivePlanIsRefusedWithoutTheFlagAndAppliedWithIt() throws IOException {
        write("a.sql", "CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL);");
        Cli.Result refused = apply("--auto-approve").expectExit(3);
        assertTrue(refused.err().startsWith("Desired state: " + dir), refused.all());
        assertTrue(refused.err().endsWith("error: refusing to apply: 1 step is not allowed:\n"
                + "  - 1. drop column public.item.note\n"
                + "      DATA_LOSS: drops column public.item.note and its values; allow with --allow-destructive,"
                + " --allow-hazards DATA_LOSS, or the annotation '-- converge:allow DATA_LOSS' on public.item.note or on"
                + " public.item\n"
                + "Nothing was changed.\n"), refused.all());
        assertUnchanged();

        Cli.Result applied = apply("--auto-approve", "--allow-destructive").expectExit(0);
        assertTrue(applied.out().contains("Converged"), applied.all());
        assertFalse(SchemaDump.withoutBookkeeping(db).contains("note"), "the column is gone");
    }

    @Test
    void applyWithoutAutoApproveAndWithoutATerminalIsAUsageError() throws IOException {
        write("a.sql", EXISTING + "\nCREATE TABLE extra (id int);\n");
        Cli.Result r = apply().expectExit(64);
        assertTrue(r.err().contains("--auto-approve"), r.all());
        assertUnchanged();
    }

    @Test
    void unknownOptionAndMissingUrlAreUsageErrors() throws IOException {
        write("a.sql", EXISTING);
        Cli.Result unknown = Cli.run("plan", "--url", Cli.url(db), "--desired", dir.toString(), "--frobnicate")
                .expectExit(64);
        assertTrue(unknown.err().contains("Unknown option: '--frobnicate'"), unknown.all());
        assertTrue(unknown.err().contains("converge plan --help"), unknown.all());

        Cli.Result missing = Cli.run("apply", "--desired", dir.toString(), "--auto-approve").expectExit(64);
        assertTrue(missing.err().contains("--url"), missing.all());

        Cli.Result badFormat = Cli.run("plan", "--url", Cli.url(db), "--desired", dir.toString(), "--format", "xml")
                .expectExit(64);
        assertUnchanged();
    }

    @Test
    void missingDirectoryIsAUsageErrorAndAnEmptyOneIsRefused() throws IOException {
        Path missing = dir.resolve("no-such-dir");
        Cli.Result r = applyTo(missing, "--auto-approve", "--allow-destructive").expectExit(64);
        assertTrue(r.err().contains("desired state not found: " + missing), r.all());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("README.md"), "not sql");
        Cli.Result e = applyTo(empty, "--auto-approve", "--allow-destructive").expectExit(64);
        assertTrue(e.err().contains("no .sql files under " + empty), e.all());
        assertTrue(e.err().contains("refuses"), e.all());
        assertUnchanged();
    }

    /** Plans the files in dir, which are bad input: exit 65, nothing on stdout, the target unchanged. */
    private Cli.Result badInputPlan() {
        Cli.Result r = Cli.withServerShadow("plan", Cli.url(db), dir.toString()).expectExit(65);
        assertEquals("", r.out(), r.all());
        assertUnchanged();
        return r;
    }

    private Cli.Result apply(String... flags) {
        return applyTo(dir, flags);
    }

    private Cli.Result applyTo(Path desired, String... flags) {
        return Cli.withServerShadow("apply", Cli.url(db), desired.toString(), flags);
    }

    private void assertUnchanged() {
        assertEquals(before, SchemaDump.of(db), "the target must be unchanged");
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }

    private String file(String name) {
        return dir + "/" + name;
    }

    /** An error as it is reported: file, line, column and message, then its line of source (see {@link #shown}). */
    private String reported(String name, int line, int column, String message, String source) {
        return file(name) + ":" + line + ":" + column + ": error: " + message + "\n" + shown(source, column);
    }

    /** A line of source as an error shows it: indented, then a caret under {@code column} (counted from 1). */
    private static String shown(String source, int column) {
        return "  " + source + "\n  " + " ".repeat(column - 1) + "^\n";
    }
}
