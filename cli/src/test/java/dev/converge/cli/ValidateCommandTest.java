package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** converge validate: every problem of the files, exit 0 or 65, no target needed. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void validFilesPassWithAndWithoutAShadow() throws IOException {
        write("b_orders.sql", "create table orders (id int primary key, customer_id int references customers);\n");
        write("a_customers.sql", "create table customers (id int primary key);\n");
        Cli.Result parsed = validate(0, "--no-shadow");
        assertEquals("The desired state is valid: 2 files, 2 statements, parsed and ordered (not loaded: no shadow).\n",
                parsed.out());
        try (LocalPostgres dev = LocalPostgres.create("validate_dev")) {
            Cli.Result loaded = validate(0, "--dev-url", Cli.url(dev));
            assertTrue(loaded.out().startsWith("The desired state is valid: 2 files, 2 statements, loaded in "),
                    loaded.all());
        }
    }

    @Test
    void everyProblemIsReportedSortedWithExitCode65() throws IOException {
        write("b.sql", "create table b (\n  id int,\n  total numeric(10,2) CONSTRAINT\n);\n");
        write("a.sql", "-- converge:rename-from x\ncreate table a (id int);\ncreate table `c` (id int);\n");
        Cli.Result r = validate(65, "--no-shadow");
        String a = dir.resolve("a.sql").toString();
        String b = dir.resolve("b.sql").toString();
        assertEquals(a + ":1:1: error: unknown annotation converge:rename-from\n"
                + "  -- converge:rename-from x\n"
                + "  ^\n"
                + "  hint: known annotations: converge:ignore, converge:renamed-from, converge:allow\n"
                + a + ":3:14: error: expected <identifier> but found '`'\n"
                + "  create table `c` (id int);\n"
                + "               ^\n"
                + "  hint: backquotes are MySQL syntax: PostgreSQL quotes names with double quotes (\"name\")\n"
                + b + ":4:1: error: expected <identifier> but found ')'\n"
                + "  );\n"
                + "  ^\n"
                + "3 errors in the desired state; nothing was changed.\n", r.err());
    }

    @Test
    void whatOnlyTheServerKnowsComesBackAtItsLine() throws IOException {
        write("t.sql", "create table t (\n  id int,\n  size shoe_size\n);\n");
        try (LocalPostgres dev = LocalPostgres.create("validate_dev")) {
            Cli.Result r = validate(65, "--dev-url", Cli.url(dev));
            assertTrue(r.err().startsWith(dir.resolve("t.sql") + ":3:8: error: type \"shoe_size\" does not exist\n"),
                    r.all());
        }
    }

    /** Runs validate on the files of {@code dir} with {@code options} and asserts its exit code. */
    private Cli.Result validate(int exitCode, String... options) {
        List<String> args = new ArrayList<>(List.of("validate", "--desired", dir.toString()));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new)).expectExit(exitCode);
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(dir.resolve(name), sql);
    }
}
