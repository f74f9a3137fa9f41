package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target of an environment between expand and contract: {@code drift} and {@code status} show it in
 * that state, not as drifted, and a change made outside Converge beside it is still drift, reported
 * without the parallel change's own objects; {@code plan --env --phase} shows each phase's plan. The
 * files are examples/expand-contract's (a rename, a type change) and examples/expand-contract-table's.
 */
class ExpandContractStatusTest {
    @TempDir
    Path dir;

    @RegisterExtension
    static final TargetDatabase TARGET = new TargetDatabase("expand_status");

    @Test
    void postgres(LocalPostgres db, LocalPostgres tables) throws Exception {
        betweenPhasesIsNotDrift("postgres", Cli.url(db), db::connect, "v2", "display_name", "display_name");
        renamedTableBetweenPhasesIsNotDrift("postgres", Cli.url(tables), tables::connect);
    }

    @Test
    void postgresTypeChange(LocalPostgres db) throws Exception {
        betweenPhasesIsNotDrift("postgres", Cli.url(db), db::connect, "retyped", "character varying(200)",
                "converge_new_full_name");
    }

    @Test
    void mysqlTypeChange() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("xtype_status")) {
            betweenPhasesIsNotDrift("mysql", db.url(), db::connect, "retyped", "varchar(200)", "converge_new_full_name");
        }
    }

    @Test
    void mysql() throws Exception {
        try (LocalMariadb.Database db = LocalMariadb.Database.create("expand_status");
             LocalMariadb.Database tables = LocalMariadb.Database.create("expand_status_tbl")) {
            betweenPhasesIsNotDrift("mysql", db.url(), db::connect, "v2", "display_name", "display_name");
            renamedTableBetweenPhasesIsNotDrift("mysql", tables.url(), tables::connect);
        }
    }

    /* The view under a renamed table's old name is Converge's, as a column sync is. */
    private void renamedTableBetweenPhasesIsNotDrift(String dialect, String url, AppLoop.Connector db) throws Exception {
        Path tables = TableRenameRollout.EXAMPLE;
        Path schema = Files.createDirectories(dir.resolve("tables/schema"));
        Files.copy(tables.resolve("v1/people.sql"), schema.resolve("people.sql"));
        Path config = project(dialect, schema, url);
        Cli.Result applied = Cli.inProject(config, "apply", "--env", "dev", "--auto-approve").expectExit(0);
        Files.delete(schema.resolve("people.sql"));
        Files.copy(tables.resolve("v2/persons.sql"), schema.resolve("persons.sql"));
        expandedIsBetweenPhases(url, schema, config, ".people -> persons)");

        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE hotfix (id integer PRIMARY KEY)");
        }
        Cli.Result hotfix = Cli.inProject(config, "drift", "--env", "dev").expectExit(4);
        assertTrue(hotfix.out().contains("hotfix"), hotfix.all());
        assertFalse(hotfix.out().contains("view") || hotfix.out().contains("persons"),
                "the renamed table and the view under its old name are not drift: " + hotfix.all());
    }

    /* Expand by --url, then drift and status of the environment: pending between the phases, not drifted. */
    private static void expandedIsBetweenPhases(String url, Path schema, Path config, String opens) {
        Cli.Result expand = Cli.withServerShadow("apply", url, schema.toString(), "--phase", "expand",
                "--auto-approve").expectExit(0);
        Cli.Result drift = Cli.inProject(config, "drift", "--env", "dev");
        assertEquals(2, drift.exitCode(), "pending (contract is to run), not drifted: " + drift.all());
        assertTrue(drift.out().contains(": between expand and contract: 1 parallel change open ("), drift.all());
        assertTrue(drift.out().contains(opens), drift.all());
        assertFalse(drift.out().contains("drifted"), drift.all());
        Cli.Result status = Cli.inProject(config, "status", "--env", "dev").expectExit(0);
        assertTrue(status.out().contains("between expand and contract"), status.all());
    }

    private Path project(String dialect, Path schema, String url) throws java.io.IOException {
        return FleetProject.oneTarget(schema.resolveSibling("converge.yaml"), dialect, schema, "dev", url);
    }

    /**
     * @param release the example's directory expand rolls out
     * @param becomes what the open change shows after {@code people.full_name -> }
     * @param added   the column expand adds
     */
    private void betweenPhasesIsNotDrift(String dialect, String url, AppLoop.Connector db, String release, String becomes,
                                         String added) throws Exception {
        Path schema = Files.createDirectories(dir.resolve("schema"));
        Files.copy(RenameRollout.EXAMPLE.resolve("v1/people.sql"), schema.resolve("people.sql"));
        Path config = project(dialect, schema, url);
        Cli.Result applied = Cli.inProject(config, "apply", "--env", "dev", "--auto-approve").expectExit(0);
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement("INSERT INTO people VALUES (?, ?)")) {
            for (int id = 1; id <= 50; id++) {
                st.setLong(1, id);
                st.setString(2, "name " + id);
                st.addBatch();
            }
            st.executeBatch();
        }

        Files.copy(RenameRollout.EXAMPLE.resolve(release + "/people.sql"), schema.resolve("people.sql"),
                StandardCopyOption.REPLACE_EXISTING);
        expandedIsBetweenPhases(url, schema, config, "people.full_name -> " + becomes + ")");
        Cli.Result json = Cli.inProject(config, "drift", "--env", "dev", "--format", "json");
        assertTrue(json.out().contains("\"state\" : \"between_phases\""), json.all());

        Cli.Result contract = Cli.inProject(config, "plan", "--env", "dev", "--phase", "contract").expectExit(0);
        assertTrue(contract.out().contains("drop column") && contract.out().contains("full_name"), contract.all());
        Cli.Result expand = Cli.inProject(config, "plan", "--env", "dev", "--phase", "expand").expectExit(0);
        assertFalse(expand.out().contains("drop column"), expand.all());

        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE people ADD COLUMN hotfix integer");
        }
        Cli.Result hotfix = Cli.inProject(config, "drift", "--env", "dev").expectExit(4);
        assertTrue(hotfix.out().contains("hotfix"), hotfix.all());
        assertFalse(hotfix.out().contains("converge_sync") || hotfix.out().contains(added),
                "the parallel change is not drift: " + hotfix.all());
    }
}
