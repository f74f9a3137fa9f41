package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/**
 * Issue 19's acceptance for a table rename, the same on every server: examples/expand-contract-table
 * (people renamed to persons) rolled out as expand and contract while an application loop keeps
 * inserting and updating, first through the old name only, then through both, then through the new
 * one only. No statement of the loop fails, every row ends as the loop last wrote it, a second plan is
 * empty, and the target equals a database built from the desired files alone.
 */
final class TableRenameRollout {
    static final Path EXAMPLE = Path.of("..", "examples", "expand-contract-table");

    /** The application of the example: the same statements through the table's old or new name. */
    private static final AppLoop.Statements TABLE_RENAME = new AppLoop.Statements("people", "persons", "full_name",
            "full_name");

    private TableRenameRollout() {
    }

    /**
     * @param expandShows a statement of the expand plan as the server's dialect writes it
     * @param schema      the schema the example's tables are in, as plans name it ({@code db} for MySQL's own database)
     */
    static void run(RenameRollout.Database db, RenameRollout.Database fresh, String expandShows, String schema)
            throws Exception {
        String v1 = EXAMPLE.resolve("v1").toString();
        String v2 = EXAMPLE.resolve("v2").toString();
        String url = db.url();
        RenameRollout.startFrom(db, v1);

        Cli.Result whole = Cli.withServerShadow("plan", url, v2);
        assertTrue(whole.out().contains("a view under the old name of 1 renamed table"), whole.all());

        Cli.Result expandPlan = Cli.withServerShadow("plan", url, v2, "--phase", "expand").expectExit(0);
        assertTrue(expandPlan.out().contains(expandShows), expandPlan.all());
        assertTrue(expandPlan.out().contains("and create view people under the old name"), expandPlan.all());
        assertTrue(expandPlan.out().contains("drop view " + schema + ".people (the old name of table persons)"),
                expandPlan.all());

        Cli.Result early = Cli.withServerShadow("plan", url, v2, "--phase", "contract").expectExit(3);
        assertTrue(early.err().contains("expand has not run for rename table"), early.all());

        try (AppLoop app = new AppLoop(db::connect, RenameRollout.ROWS, TABLE_RENAME)) {
            app.start();
            app.awaitWrites(100);
            Cli.Result expand = Cli.withServerShadow("apply", url, v2, "--phase", "expand",
                    "--auto-approve").expectExit(0);
            assertTrue(expand.out().contains("Expand applied: 1 step remains"), expand.all());
            assertTrue(expand.out().contains("Between expand and contract: 1 parallel change open (" + schema
                    + ".people -> persons)"), expand.all());
            assertEquals("phase expand", db.lastRemark());

            app.useNewName(true);
            app.awaitWrites(200);
            Cli.Result between = Cli.withServerShadow("plan", url, v2, "--phase", "expand");
            assertTrue(between.out().contains("No changes"), between.all());
            assertTrue(between.out().contains("1 step remains for 'converge apply --phase contract': - drop view"),
                    between.all());

            RenameRollout.contractUnderLoad(app, db, v2, "persons", "full_name");
        }
        RenameRollout.convergedAsFresh(db, fresh, v2);
    }
}
