package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** converge diff between two databases, and between a directory and a database; nothing is changed. */
class DiffCommandTest {
    @TempDir
    Path dir;

    @Test
    void databaseToDatabaseAndDirectoryToDatabase() throws Exception {
        try (LocalPostgres a = LocalPostgres.create("diff_a"); LocalPostgres b = LocalPostgres.create("diff_b")) {
            a.execute("CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL)");
            b.execute("CREATE TABLE item (id int PRIMARY KEY)");
            Path noConfig = dir.resolve("none.yaml");
            Cli.Result urls = Cli.run("diff", "--from", Cli.url(a), "--to", Cli.url(b), "--config", noConfig.toString(),
                    "--detailed-exitcode").expectExit(2);
            assertTrue(urls.out().contains("add column public.item.name"), urls.all());
            Cli.run("diff", "--from", Cli.url(a), "--to", Cli.url(a), "--config", noConfig.toString(),
                    "--detailed-exitcode").expectExit(0);

            Path desired = Files.createDirectories(dir.resolve("schema"));
            Files.writeString(desired.resolve("a.sql"), "CREATE TABLE item (id int PRIMARY KEY, price numeric(8,2));\n");
            Cli.Result fromDir = Cli.run("diff", "--from", desired.toString(), "--to", Cli.url(b), "--shadow", "server",
                    "--config", noConfig.toString()).expectExit(0);
            assertTrue(fromDir.out().contains("add column public.item.price"), fromDir.all());
            try (java.sql.Connection c = b.connect();
                 java.sql.ResultSet price = c.getMetaData().getColumns(null, "public", "item", "price")) {
                assertTrue(!price.next(), "diff changes nothing");
            }
        }
    }
}
