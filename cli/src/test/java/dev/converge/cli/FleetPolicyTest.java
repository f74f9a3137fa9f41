package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FleetPolicyTest: an environment's policy in converge.yaml (max_lock, allow_hazards,
 * allow_destructive) judges every plan of a fleet apply, as the command line's flags do for one target.
 */
class FleetPolicyTest {
    @TempDir
    Path dir;

    @Test
    void theEnvironmentsLockLimitRefusesAStepAndNothingIsTouched() throws IOException {
        try (LocalPostgres db = LocalPostgres.create("fleetpolicy")) {
            db.execute("CREATE TABLE public.item (id int PRIMARY KEY, name text)");
            Files.createDirectories(dir.resolve("schema"));
            Files.writeString(dir.resolve("schema/app.sql"),
                    "CREATE TABLE public.item (id int PRIMARY KEY, name text, price numeric);\n");
            String before = SchemaDump.withoutBookkeeping(db);

            config(db, "max_lock: share update exclusive");
            Cli.Result refused = run("apply", "--env", "dev", "--auto-approve").expectExit(3);
            assertTrue(refused.all().contains("refused by the environment's policy"), refused.all());
            assertTrue(refused.all().contains("ACCESS EXCLUSIVE"), refused.all());
            assertEquals(before, SchemaDump.withoutBookkeeping(db), "a refused target was changed");

            config(db, "max_lock: access exclusive");
            Cli.Result applied = run("apply", "--env", "dev", "--auto-approve").expectExit(0);
            assertTrue(SchemaDump.withoutBookkeeping(db).contains("price"), applied.all());
        }
    }

    @Test
    void destructiveStepsNeedTheEnvironmentsAllowance() throws IOException {
        try (LocalPostgres db = LocalPostgres.create("fleetpolicy")) {
            db.execute("CREATE TABLE public.item (id int PRIMARY KEY, legacy text)");
            Files.createDirectories(dir.resolve("schema"));
            Files.writeString(dir.resolve("schema/app.sql"), "CREATE TABLE public.item (id int PRIMARY KEY);\n");

            config(db, "allow_hazards: [table_rewrite]");
            Cli.Result refused = run("apply", "--env", "dev", "--auto-approve").expectExit(3);
            assertTrue(SchemaDump.withoutBookkeeping(db).contains("legacy"), refused.all());

            config(db, "allow_hazards: [data_loss]");
            Cli.Result applied = run("apply", "--env", "dev", "--auto-approve").expectExit(0);
            assertFalse(SchemaDump.withoutBookkeeping(db).contains("legacy"), applied.all());
        }
    }

    private void config(LocalPostgres db, String policy) throws IOException {
        Files.writeString(dir.resolve("converge.yaml"), """
                dialect: postgres
                desired: schema
                shadow: server
                environments:
                  dev:
                    url: %s
                    policy:
                      %s
                """.formatted(Cli.url(db), policy));
    }

    private Cli.Result run(String... args) {
        return Cli.inProject(dir.resolve("converge.yaml"), args);
    }
}
