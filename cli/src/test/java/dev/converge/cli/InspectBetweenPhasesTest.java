package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code inspect} of a target between expand and contract writes the team's schema, not Converge's own
 * objects of the open parallel change (the sync triggers and their function, the view under a renamed
 * table's old name): files that declared them would keep them after contract. Both columns of a rename
 * are written, since both exist until contract.
 */
class InspectBetweenPhasesTest {
    @Test
    void postgresColumnRename() {
        try (LocalPostgres db = LocalPostgres.create("inspect_phases")) {
            String inspected = expandThenInspect(Cli.url(db), RenameRollout.EXAMPLE);
            assertTrue(inspected.contains("display_name") && inspected.contains("full_name"), inspected);
        }
    }

    @Test
    void postgresTableRename() {
        try (LocalPostgres db = LocalPostgres.create("inspect_phases_tbl")) {
            String inspected = expandThenInspect(Cli.url(db), TableRenameRollout.EXAMPLE);
            assertTrue(inspected.contains("CREATE TABLE \"public\".\"persons\""), inspected);
            assertFalse(inspected.contains("CREATE VIEW"), inspected);
        }
    }

    @Test
    void mariadbColumnRename() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("inspect_phases")) {
            String inspected = expandThenInspect(db.url(), RenameRollout.EXAMPLE);
            assertTrue(inspected.contains("display_name") && inspected.contains("full_name"), inspected);
        }
    }

    /* v1 applied, v2's expand applied, then what inspect prints; it never names Converge's own objects. */
    private static String expandThenInspect(String url, Path example) {
        Cli.withServerShadow("apply", url, example.resolve("v1").toString(), "--auto-approve").expectExit(0);
        Cli.Result expand = Cli.withServerShadow("apply", url, example.resolve("v2").toString(), "--phase", "expand",
                "--auto-approve").expectExit(0);
        assertTrue(expand.out().contains("Between expand and contract"), expand.all());
        Cli.Result inspect = Cli.run("inspect", "--url", url).expectExit(0);
        assertFalse(inspect.out().contains("converge_sync") || inspect.out().contains("converge:expand"),
                "Converge's own objects are not written: " + inspect.out());
        return inspect.out();
    }
}
