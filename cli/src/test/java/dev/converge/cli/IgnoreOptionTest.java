package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan --ignore PATTERN: a table another tool owns is not dropped; without the option it is. */
class IgnoreOptionTest {
    @TempDir
    Path dir;

    @Test
    void ignoredTablesAreNotDropped() throws IOException {
        Files.writeString(dir.resolve("schema.sql"), "-- converge:renamed-from client\ncreate table customer (id int primary key);\n");
        try (LocalPostgres db = LocalPostgres.create("cli_ignore")) {
            db.execute("create table customer (id int primary key); create table audit_2026_11 (x int);");
            Cli.Result without = Cli.withServerShadow("plan", Cli.url(db), dir.toString()).expectExit(0);
            assertTrue(without.out().contains("drop table public.audit_2026_11"), without.all());
            assertTrue(without.out().contains("(no longer in the desired files)"), without.all());

            Cli.Result with = Cli.withServerShadow("plan", Cli.url(db), dir.toString(),
                    "--ignore", "audit_*").expectExit(0);
            assertFalse(with.out().contains("audit_2026_11"), with.all());
            assertTrue(with.out().contains("converge:renamed-from client at " + dir.resolve("schema.sql")
                    + ":1 is no longer needed for this target"), with.all());
        }
    }
}
