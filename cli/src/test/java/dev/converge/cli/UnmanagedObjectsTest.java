package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail closed: objects Converge does not manage yet, in the target or in the desired files, are
 * listed and refuse the plan (exit 5, nothing changed) unless --allow-unmanaged is given.
 */
class UnmanagedObjectsTest {
    private static final String TABLE = "CREATE TABLE item (id int PRIMARY KEY, name text);";

    @TempDir
    Path dir;

    @RegisterExtension
    static final TargetDatabase TARGET = new TargetDatabase("cli_unmanaged");

    @Test
    void anUnmanagedObjectInTheTargetRefusesPlanAndApply(LocalPostgres db) throws IOException {
        db.execute(TABLE + "CREATE TYPE item_span AS RANGE (subtype = int);");
        Files.writeString(dir.resolve("schema.sql"), TABLE + "\nCREATE TABLE extra (id int);\n");
        String before = SchemaDump.of(db);

        Cli.Result plan = Cli.withServerShadow("plan", Cli.url(db), dir.toString()).expectExit(5);
        assertTrue(plan.out().contains("  ? range type public.item_span (in the target)\n"), plan.all());
        assertTrue(plan.err().contains("refusing the plan: 1 object is not managed by Converge yet"), plan.all());
        assertTrue(plan.err().contains("--allow-unmanaged"), plan.all());

        Cli.Result apply = Cli.withServerShadow("apply", Cli.url(db), dir.toString(), "--auto-approve").expectExit(5);
        assertEquals(before, SchemaDump.of(db), "a refused apply changed the target");

        Cli.Result allowed = Cli.withServerShadow("apply", Cli.url(db), dir.toString(), "--auto-approve",
                "--allow-unmanaged").expectExit(0);
        assertTrue(SchemaDump.of(db).contains("item_span"), "the unmanaged object was touched");
    }

    @Test
    void anUnmanagedObjectInTheDesiredFilesIsListedToo(LocalPostgres db) throws IOException {
        db.execute(TABLE);
        Files.writeString(dir.resolve("schema.sql"), TABLE + "\nCREATE TYPE span AS RANGE (subtype = int);\n");
        Cli.Result plan = Cli.withServerShadow("plan", Cli.url(db), dir.toString(), "--format", "json").expectExit(5);
        assertTrue(plan.out().contains("\"unmanaged\" : [ {\n    \"side\" : \"desired\",\n    \"kind\" : \"range type\",\n"
                + "    \"name\" : \"public.span\"\n  } ]"), plan.all());
    }

    @Test
    void anUnmanagedObjectTheProjectIgnoresRefusesNothing(LocalPostgres db) throws IOException {
        db.execute(TABLE + "CREATE TYPE scratch AS RANGE (subtype = int);");
        Files.writeString(dir.resolve("schema.sql"), TABLE + "\n");
        Cli.Result plan = Cli.withServerShadow("plan", Cli.url(db), dir.toString(), "--ignore", "scratch",
                "--detailed-exitcode").expectExit(0);
        assertTrue(!plan.out().contains("scratch"), plan.all());
    }

    /**
     * A step that needs an unmanaged object the target lacks (a column of a range type the desired
     * files declare) is refused when the plan is made, even with --allow-unmanaged: exit 5, the chain
     * named, nothing changed.
     */
    @Test
    void aStepNeedingAnUnmanagedObjectTheTargetLacksIsRefusedAtPlanTime(LocalPostgres db) throws IOException {
        db.execute(TABLE);
        Files.writeString(dir.resolve("schema.sql"), TABLE
                + "\nCREATE TYPE span AS RANGE (subtype = int);\nCREATE TABLE booking (id int, during span);\n");
        String before = SchemaDump.of(db);
        Cli.Result apply = Cli.withServerShadow("apply", Cli.url(db), dir.toString(), "--auto-approve",
                "--allow-unmanaged").expectExit(5);
        assertTrue(apply.err().contains("table public.booking needs range type public.span, which Converge does not"
                + " manage and the target lacks"), apply.all());
        assertEquals(before, SchemaDump.of(db), "a refused apply changed the target");
    }
}
