package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.dialect.postgres.testing.TestRoles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan/apply --managed-role NAME: the desired GRANTs are planned and applied for that role only;
 * without the option privileges are not compared; a role the server lacks stops the plan (exit 65).
 */
class ManagedRoleOptionTest {
    @TempDir
    Path dir;

    @Test
    void grantsOfTheManagedRoleArePlannedAndAppliedAndOthersLeftAlone() throws IOException {
        try (TestRoles roles = TestRoles.onLocalServer(List.of("app", "bi"));
             LocalPostgres db = LocalPostgres.create("cli_roles")) {
            String app = roles.name("app");
            db.execute(roles.substitute("create table t (id int primary key); grant select on t to {{bi}};"));
            Files.writeString(dir.resolve("schema.sql"), roles.substitute(
                    "create table t (id int primary key);\ngrant select, insert on t to {{app}};\n"));

            Cli.Result unmanaged = Cli.withServerShadow("plan", Cli.url(db), dir.toString(), "--detailed-exitcode");
            assertEquals(0, unmanaged.exitCode(), "no managed role: nothing to do\n" + unmanaged.all());

            Cli.Result plan = Cli.withServerShadow("plan", Cli.url(db), dir.toString(),
                    "--managed-role", app).expectExit(0);
            assertTrue(plan.out().contains("grant INSERT, SELECT on table public.t to " + app), plan.all());
            assertFalse(plan.out().contains(roles.name("bi")), "the other role's grant is left alone\n" + plan.all());

            Cli.withServerShadow("apply", Cli.url(db), dir.toString(), "--managed-role", app,
                    "--auto-approve").expectExit(0);
            Cli.withServerShadow("plan", Cli.url(db), dir.toString(), "--managed-role", app,
                    "--detailed-exitcode").expectExit(0);
        }
    }

    @Test
    void aGrantToARoleTheServerLacksStopsThePlan() throws IOException {
        String missing = "cvt_nobody_" + Long.toHexString(System.nanoTime());
        try (LocalPostgres db = LocalPostgres.create("cli_roles_missing")) {
            db.execute("create table t (id int primary key);");
            Files.writeString(dir.resolve("schema.sql"), "create table t (id int primary key);\ngrant select on t to "
                    + missing + ";\n");
            Cli.Result plan = Cli.run("plan", "--url", Cli.url(db), "--desired", dir.toString(), "--managed-role",
                    missing).expectExit(65);
            assertTrue(plan.all().contains(missing + " (on public.t)"), plan.all());
            assertTrue(plan.all().contains("Converge does not create roles"), plan.all());
        }
    }
}
