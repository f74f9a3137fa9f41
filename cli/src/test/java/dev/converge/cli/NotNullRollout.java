package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Issue 19's acceptance for NOT NULL on a populated column, the same on every server: people.full_name,
 * NULL in a third of the rows, becomes {@code NOT NULL DEFAULT 'unnamed'}, rolled out as expand (the
 * default), backfill (NULL to the default) and contract (NOT NULL) while {@link AppLoop} writes. The
 * running release names the column in its inserts; from expand on the next release leaves it out of its
 * inserts and relies on the default, and it alone writes during contract. No statement of the loop fails,
 * every row ends as the loop last wrote it (the default where it never wrote the column), a second plan is
 * empty, and the target equals a database built from the files alone.
 */
final class NotNullRollout {
    static final String DEFAULT = "unnamed";
    private static final AppLoop.Statements STATEMENTS = new AppLoop.Statements("people", "people", "full_name", "full_name",
            DEFAULT);
    private static final String V1 = "CREATE TABLE people (\n  id bigint PRIMARY KEY,\n  full_name varchar(200)\n);\n";
    private static final String V2 = "-- Release 2 leaves full_name out of its inserts: the column's default names the person.\n"
            + "CREATE TABLE people (\n  id bigint PRIMARY KEY,\n  full_name varchar(200) NOT NULL DEFAULT '" + DEFAULT + "'\n);\n";

    private NotNullRollout() {
    }

    /**
     * @param dir         where the desired files are written
     * @param schema      the schema plans name the table in
     */
    static void run(RenameRollout.Database db, RenameRollout.Database fresh, Path dir, String schema) throws Exception {
        String v1 = write(dir.resolve("v1"), V1);
        String v2 = write(dir.resolve("v2"), V2);
        String url = db.url();
        RenameRollout.startFrom(db, v1);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertEquals(RenameRollout.ROWS / 3, st.executeUpdate("UPDATE people SET full_name = NULL WHERE id % 3 = 0"));
        }

        Cli.Result expandPlan = Cli.withServerShadow("plan", url, v2, "--phase", "expand",
                "--backfill-batch", "250").expectExit(0);
        assertTrue(expandPlan.out().contains("set default"), expandPlan.all());
        assertFalse(expandPlan.out().contains("SET NOT NULL"), "NOT NULL waits for contract: " + expandPlan.all());
        // The step contract will plan, not the whole plan's: the default is expand's.
        String remains = "phase expand: 1 step remains for 'converge apply --phase contract': ~ alter column "
                + schema + ".people.full_name: set NOT NULL\n";
        assertTrue(expandPlan.out().contains(remains), expandPlan.all());
        assertTrue(expandPlan.err().contains("people.full_name: NULL -> default: 12 batches of up to 250 rows"), expandPlan.all());

        try (AppLoop app = new AppLoop(db::connect, RenameRollout.ROWS, STATEMENTS)) {
            for (long id = 3; id <= RenameRollout.ROWS; id += 3) {
                app.expect(id, DEFAULT); // the backfill's, unless the loop writes the row first
            }
            app.start();
            app.awaitWrites(100);
            Cli.Result expanded = RenameRollout.expand(db, v2);
            assertTrue(expanded.out().contains("Expand applied: 1 step remains for 'converge apply --phase contract'."),
                    expanded.all());
            assertTrue(expanded.out().contains("NULL -> default: 12 batches"), expanded.all());

            app.useNewName(true);
            app.awaitWrites(200);
            Cli.Result between = Cli.withServerShadow("plan", url, v2, "--phase", "expand").expectExit(0);
            assertTrue(between.out().contains("No changes"), between.all());
            assertTrue(between.out().contains(remains), between.all());

            RenameRollout.contractUnderLoad(app, db, v2, "people", "full_name");
        }
        RenameRollout.convergedAsFresh(db, fresh, v2);
    }

    private static String write(Path dir, String text) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("people.sql"), text);
        return dir.toString();
    }
}
