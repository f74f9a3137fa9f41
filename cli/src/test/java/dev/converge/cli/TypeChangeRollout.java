package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Issue 19's acceptance for a type change, the same on every server: examples/expand-contract's
 * {@code retyped} (people.full_name from text to varchar(200), with an index) rolled out as expand,
 * backfill and contract while {@link AppLoop} keeps inserting and updating through the one name the
 * column has throughout. A value too long for the new type is refused first by the pre-check, by count.
 * No statement of the loop fails, every row ends as the loop last wrote it, a second plan is empty, and
 * the target equals a database built from the files alone.
 */
final class TypeChangeRollout {
    private static final int ROWS = 3000;
    private static final String TOO_LONG = "x".repeat(300);

    private TypeChangeRollout() {
    }

    /**
     * @param expandShows a statement of the expand plan as the server's dialect writes it
     * @param newType     the new type as the server's model spells it
     * @param schema      the schema plans name the table in
     */
    static void run(RenameRollout.Database db, RenameRollout.Database fresh, String expandShows, String newType, String schema)
            throws Exception {
        String v1 = RenameRollout.EXAMPLE.resolve("v1").toString();
        String retyped = RenameRollout.EXAMPLE.resolve("retyped").toString();
        String url = db.url();
        RenameRollout.startFrom(db, v1);

        Cli.Result whole = Cli.withServerShadow("plan", url, retyped);
        assertTrue(whole.out().contains("a parallel change for 1 type change"), whole.all());

        setName(db, 1, TOO_LONG);
        Cli.Result refused = Cli.withServerShadow("plan", url, retyped, "--phase", "expand").expectExit(3);
        assertTrue(refused.err().contains("refusing to expand: values that do not convert"), refused.all());
        assertTrue(refused.err().contains("people.full_name text -> " + newType + ": 1 row."), refused.all());
        assertFalse(refused.all().contains(TOO_LONG), "the value itself is never printed");
        setName(db, 1, "name 1");

        Cli.Result expandPlan = Cli.withServerShadow("plan", url, retyped, "--phase", "expand",
                "--backfill-batch", "250").expectExit(0);
        assertTrue(expandPlan.out().contains(expandShows), expandPlan.all());
        assertFalse(expandPlan.out().contains("CREATE INDEX"), "the index waits for the swap: " + expandPlan.all());
        assertTrue(expandPlan.out().contains("2 steps remain for 'converge apply --phase contract': swap in the new column"
                + " of " + schema + ".people.full_name text -> " + newType + "; + create index "), expandPlan.all());
        assertTrue(expandPlan.err().contains("people.full_name -> " + newType + ": 12 batches of up to 250 rows"),
                expandPlan.all());

        Cli.Result early = Cli.withServerShadow("plan", url, retyped, "--phase", "contract").expectExit(3);
        assertTrue(early.err().contains("expand has not run for"), early.all());

        try (AppLoop app = new AppLoop(db::connect, ROWS)) {
            app.start();
            Cli.Result expanded = RenameRollout.expand(db, retyped);
            // The steps contract will plan (the swap, then the index), not those of a plain diff.
            assertTrue(expanded.out().contains("Expand applied: 2 steps remain for 'converge apply --phase contract'."),
                    expanded.all());

            app.awaitWrites(200);
            Cli.Result between = Cli.withServerShadow("plan", url, retyped, "--phase", "expand").expectExit(0);
            assertTrue(between.out().contains("No changes"), between.all());
            assertTrue(between.out().contains("phase expand: 2 steps remain for 'converge apply --phase contract': ~ swap column "
                    + schema + ".people.full_name"), between.all());
            assertTrue(between.out().contains("; + create index "), between.all());

            RenameRollout.contract(db, retyped, app, "full_name");
            assertTrue(app.writesThroughOld() > 300, app.toString());
        }
        RenameRollout.convergedAsFresh(db, fresh, retyped);
    }

    private static void setName(RenameRollout.Database db, long id, String name) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement("UPDATE people SET full_name = ? WHERE id = ?")) {
            st.setString(1, name);
            st.setLong(2, id);
            assertEquals(1, st.executeUpdate());
        }
    }
}
