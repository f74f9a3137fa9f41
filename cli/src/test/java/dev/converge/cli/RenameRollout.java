package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Issue 19's acceptance for a column rename, the same on every server: the rename of
 * examples/expand-contract rolled out as expand, backfill and contract while an application loop keeps
 * writing, first through the old name only, then through both, then through the new one only. No
 * statement of the loop fails, every row ends as the loop last wrote it, a second plan is empty, and the
 * target equals a database built from the desired files alone.
 */
final class RenameRollout {
    /** The example of docs/expand-contract.md: the tests run its files as they are. */
    static final Path EXAMPLE = Path.of("..", "examples", "expand-contract");
    static final int ROWS = 3000;

    /** One database of the server under test. */
    interface Database {
        String url();

        Connection connect() throws SQLException;

        /** The remark of the target's latest history row. */
        String lastRemark() throws SQLException;

        /** The people table as the server describes it, to compare with a fresh build. */
        String describe() throws SQLException;
    }

    private RenameRollout() {
    }

    /**
     * @param expandShows a statement of the expand plan as the server's dialect writes it
     */
    static void run(Database db, Database fresh, String expandShows) throws Exception {
        String v1 = EXAMPLE.resolve("v1").toString();
        String v2 = EXAMPLE.resolve("v2").toString();
        String url = db.url();
        startFrom(db, v1);

        Cli.Result whole = Cli.withServerShadow("plan", url, v2);
        assertTrue(whole.out().contains("step 1 breaks an application still running"), whole.all());

        Cli.Result expandPlan = Cli.withServerShadow("plan", url, v2, "--phase", "expand",
                "--backfill-batch", "250").expectExit(0);
        assertTrue(expandPlan.out().contains(expandShows), expandPlan.all());
        assertFalse(expandPlan.out().contains("RENAME COLUMN"), expandPlan.all());
        assertTrue(expandPlan.err().contains("people.full_name -> display_name: 12 batches of up to 250 rows"),
                expandPlan.all());

        Cli.Result early = Cli.withServerShadow("plan", url, v2, "--phase", "contract").expectExit(3);
        assertTrue(early.err().contains("expand has not run for rename column"), early.all());

        try (AppLoop app = new AppLoop(db::connect, ROWS)) {
            app.start();
            expand(db, v2);

            app.useNewName(true);
            app.awaitWrites(200);
            Cli.Result between = Cli.withServerShadow("plan", url, v2, "--phase", "expand");
            assertTrue(between.out().contains("No changes"), between.all());
            assertTrue(between.out().contains("for 'converge apply --phase contract'"), between.all());
            assertTrue(between.out().contains("people.full_name"), between.all());

            contractUnderLoad(app, db, v2, "people", "display_name");
        }
        convergedAsFresh(db, fresh, v2);
    }

    /** Expand applied in batches of 250 with a pause: the backfill done, the phase in the history. */
    static Cli.Result expand(Database db, String desired) throws SQLException {
        Cli.Result expand = Cli.withServerShadow("apply", db.url(), desired, "--phase", "expand", "--auto-approve",
                "--backfill-batch", "250", "--backfill-pause", "20ms").expectExit(0);
        assertTrue(expand.out().contains("Expand applied: "), expand.all());
        assertTrue(expand.out().contains("done."), expand.all());
        assertEquals("phase expand", db.lastRemark());
        return expand;
    }

    /**
     * Contract refused until confirmed, then applied while the application writes: converged, no write
     * of the loop failed, and {@code column} holds what the loop last wrote in every row.
     */
    static void contract(Database db, String desired, AppLoop app, String column) throws Exception {
        Cli.withServerShadow("apply", db.url(), desired, "--phase", "contract", "--auto-approve").expectExit(3);
        app.awaitWrites(100);
        Cli.Result contract = Cli.withServerShadow("apply", db.url(), desired, "--phase", "contract", "--auto-approve",
                "--confirm-contract").expectExit(0);
        assertTrue(contract.out().contains("Converged"), contract.all());
        app.awaitWrites(100);
        app.stopWithoutFailure();
        try (Connection c = db.connect()) {
            assertEquals(app.expected(), AppLoop.rows(c, column), "every row as the application last wrote it");
        }
    }

    /**
     * Contract while the application writes through the new names only: refused without confirmation,
     * then run; no statement of the loop failed, both names were written, and every row of
     * {@code table} holds in {@code column} what the loop last wrote.
     */
    static void contractUnderLoad(AppLoop app, Database db, String v2, String table, String column) throws Exception {
        String url = db.url();
        Cli.withServerShadow("apply", url, v2, "--phase", "contract", "--auto-approve").expectExit(3);

        app.useOldName(false);
        app.awaitWrites(100);
        Cli.Result contract = Cli.withServerShadow("apply", url, v2, "--phase", "contract", "--auto-approve",
                "--confirm-contract").expectExit(0);
        assertTrue(contract.out().contains("Converged"), contract.all());
        assertEquals("phase contract", db.lastRemark());
        app.awaitWrites(100);
        app.stopWithoutFailure();
        assertTrue(app.writesThroughOld() > 0 && app.writesThroughNew() > 0, app.toString());
        try (Connection c = db.connect()) {
            assertEquals(app.expected(), AppLoop.rows(c, table, column), "every row as the application last wrote it");
        }
    }

    /** A second plan is empty, and the target equals a database built from the files alone. */
    static void convergedAsFresh(Database db, Database fresh, String desired) throws SQLException {
        Cli.withServerShadow("plan", db.url(), desired, "--detailed-exitcode").expectExit(0);
        Cli.withServerShadow("apply", fresh.url(), desired, "--auto-approve").expectExit(0);
        assertEquals(fresh.describe(), db.describe());
    }

    /** The rows the application starts with: {@code name N}, as {@link AppLoop} expects them. */
    /** Every rollout starts here: the example's first version {@code v1} applied to {@code db}, with {@link #ROWS} people in it. */
    static void startFrom(Database db, String v1) throws SQLException {
        Cli.withServerShadow("apply", db.url(), v1, "--auto-approve").expectExit(0);
        insertPeople(db);
    }

    private static void insertPeople(Database db) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement("INSERT INTO people VALUES (?, ?)")) {
            for (int id = 1; id <= ROWS; id++) {
                st.setLong(1, id);
                st.setString(2, "name " + id);
                st.addBatch();
            }
            st.executeBatch();
        }
    }
}
