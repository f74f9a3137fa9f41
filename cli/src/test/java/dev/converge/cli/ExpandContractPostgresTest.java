package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's acceptance on PostgreSQL: a column rename rolled out as expand, backfill and contract
 * while an application loop keeps writing, first through the old name only, then through both, then
 * through the new one only. No statement of the loop fails, every row ends as the loop last wrote it,
 * and after contract the target equals a database built from the desired files alone. The files
 * are those of examples/expand-contract.
 */
@org.junit.jupiter.api.Tag("slow")
class ExpandContractPostgresTest {
    /** The example of docs/expand-contract.md: the test runs its files as they are. */
    private static final Path EXAMPLE = Path.of("..", "examples", "expand-contract");
    private static final int ROWS = 3000;

    @Test
    void aRenamedColumnIsExpandedBackfilledAndContractedUnderLoad() throws Exception {
        Path v1 = EXAMPLE.resolve("v1");
        Path v2 = EXAMPLE.resolve("v2");
        try (LocalPostgres db = LocalPostgres.create("expand_pg"); LocalPostgres fresh = LocalPostgres.create("expand_pg_fresh")) {
            String url = Cli.url(db);
            Cli.Result setup = Cli.run("apply", "--url", url, "--desired", v1.toString(), "--shadow", "server", "--auto-approve");
            assertEquals(0, setup.exitCode(), setup.all());
            db.execute("INSERT INTO people SELECT g, 'name ' || g FROM generate_series(1, " + ROWS + ") g");

            Cli.Result whole = Cli.run("plan", "--url", url, "--desired", v2.toString(), "--shadow", "server");
            assertTrue(whole.out().contains("step 1 breaks an application still running"), whole.all());

            Cli.Result expandPlan = Cli.run("plan", "--url", url, "--desired", v2.toString(), "--shadow", "server",
                    "--phase", "expand", "--backfill-batch", "250");
            assertEquals(0, expandPlan.exitCode(), expandPlan.all());
            assertTrue(expandPlan.out().contains("ADD COLUMN \"display_name\" text;"), expandPlan.all());
            assertFalse(expandPlan.out().contains("RENAME COLUMN"), expandPlan.all());
            assertTrue(expandPlan.err().contains("Dry run: backfill public.people.full_name -> display_name: 12 batches"
                    + " of up to 250 rows"), expandPlan.all());

            Cli.Result early = Cli.run("plan", "--url", url, "--desired", v2.toString(), "--shadow", "server",
                    "--phase", "contract");
            assertEquals(3, early.exitCode(), early.all());
            assertTrue(early.err().contains("expand has not run for rename column public.people.full_name"), early.all());

            try (AppLoop app = new AppLoop(db::connect, ROWS)) {
                app.start();
                Cli.Result expand = Cli.run("apply", "--url", url, "--desired", v2.toString(), "--shadow", "server",
                        "--phase", "expand", "--auto-approve", "--backfill-batch", "250", "--backfill-pause", "20ms");
                assertEquals(0, expand.exitCode(), expand.all());
                assertTrue(expand.out().contains("Expand applied: 4 steps remain"), expand.all());
                assertTrue(expand.out().contains("done."), expand.all());
                assertEquals("phase expand", Cli.value(db, "SELECT remark FROM converge.history ORDER BY id DESC LIMIT 1"));

                app.useNewName(true);
                app.awaitWrites(200);
                Cli.Result between = Cli.run("plan", "--url", url, "--desired", v2.toString(), "--shadow", "server",
                        "--phase", "expand");
                assertTrue(between.out().contains("No changes"), between.all());
                assertTrue(between.out().contains("4 steps remain for 'converge apply --phase contract'"), between.all());
                assertTrue(between.out().contains("drop column public.people.full_name"), between.all());

                Cli.Result gated = Cli.run("apply", "--url", url, "--desired", v2.toString(), "--shadow", "server",
                        "--phase", "contract", "--auto-approve");
                assertEquals(3, gated.exitCode(), gated.all());

                app.useOldName(false);
                app.awaitWrites(100);
                Cli.Result contract = Cli.run("apply", "--url", url, "--desired", v2.toString(), "--shadow", "server",
                        "--phase", "contract", "--auto-approve", "--confirm-contract");
                assertEquals(0, contract.exitCode(), contract.all());
                assertTrue(contract.out().contains("Converged"), contract.all());
                app.awaitWrites(100);
                app.stop();
                assertEquals(0, app.failures(), app.firstFailure());
                assertTrue(app.writesThroughOld() > 0 && app.writesThroughNew() > 0, app.toString());
                try (java.sql.Connection c = db.connect()) {
                    assertEquals(app.expected(), AppLoop.rows(c, "display_name"), "every row as the application last wrote it");
                }
            }
            Cli.Result again = Cli.run("plan", "--url", url, "--desired", v2.toString(), "--shadow", "server",
                    "--detailed-exitcode");
            assertEquals(0, again.exitCode(), again.all());
            Cli.Result built = Cli.run("apply", "--url", Cli.url(fresh), "--desired", v2.toString(), "--shadow", "server",
                    "--auto-approve");
            assertEquals(0, built.exitCode(), built.all());
            assertEquals(SchemaDump.comparable(fresh), SchemaDump.comparable(db));
        }
    }
}
