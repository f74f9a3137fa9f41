package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phases over environments: {@code apply --env --phase} rolls expand, then contract, out to staging and
 * prod, the promotion gate holds prod's expand until staging has expanded and prod's contract until
 * staging has contracted, and prod's contract gate stated in converge.yaml (an explicit confirmation
 * and a flag read by a query on the target) refuses with exit 3 and its reason until it is met. The
 * files are examples/expand-contract's (a column rename: expand adds the column and the sync, then
 * runs the backfill on each target), on PostgreSQL and MariaDB.
 */
class FleetPhaseTest {
    @TempDir
    Path dir;

    @RegisterExtension
    static final TargetDatabase TARGET = new TargetDatabase("fleet_phase");

    @Test
    void postgres(LocalPostgres staging, LocalPostgres prod) throws Exception {
        stagingGoesFirstAndProdsGateHoldsContract("postgres", ExpandContractPostgresTest.database(staging),
                ExpandContractPostgresTest.database(prod));
    }

    @Test
    void mysql() throws Exception {
        try (LocalMariadb.Database staging = LocalMariadb.Database.create("fleet_phase_staging");
             LocalMariadb.Database prod = LocalMariadb.Database.create("fleet_phase_prod")) {
            stagingGoesFirstAndProdsGateHoldsContract("mysql", ExpandContractMysqlTest.database(staging),
                    ExpandContractMysqlTest.database(prod));
        }
    }

    private void stagingGoesFirstAndProdsGateHoldsContract(String dialect, RenameRollout.Database staging,
                                                           RenameRollout.Database prod)
            throws Exception {
        try (Connection c = prod.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE rollout_flags (old_release_gone integer NOT NULL)");
            st.execute("INSERT INTO rollout_flags VALUES (0)");
        }
        Path schema = Files.createDirectories(dir.resolve("schema"));
        Files.copy(RenameRollout.EXAMPLE.resolve("v1/people.sql"), schema.resolve("people.sql"));
        Path config = dir.resolve("converge.yaml");
        Files.writeString(config, """
                dialect: %s
                desired: %s
                shadow: server
                ignore: [rollout_flags]
                environments:
                  staging:
                    url: %s
                  prod:
                    url: %s
                    after: staging
                    contract_gate:
                      confirm: true
                      flag_sql: SELECT old_release_gone FROM rollout_flags
                """.formatted(dialect, schema, staging.url(), prod.url()));
        for (String env : new String[] {"staging", "prod"}) {
            Cli.Result v1 = Cli.inProject(config, "apply", "--env", env, "--auto-approve").expectExit(0);
        }
        try (Connection c = prod.connect(); PreparedStatement st = c.prepareStatement("INSERT INTO people VALUES (?, ?)")) {
            for (int id = 1; id <= 500; id++) {
                st.setLong(1, id);
                st.setString(2, "name " + id);
                st.addBatch();
            }
            st.executeBatch();
        }
        Files.copy(RenameRollout.EXAMPLE.resolve("v2/people.sql"), schema.resolve("people.sql"),
                StandardCopyOption.REPLACE_EXISTING);

        Cli.Result prodFirst = apply(config, "prod", "expand").expectExit(3);
        assertTrue(prodFirst.err().contains("it has not been applied successfully to staging"), prodFirst.all());

        Cli.Result stagingExpand = apply(config, "staging", "expand").expectExit(0);
        assertEquals("phase expand", staging.lastRemark());
        Cli.Result prodExpand = apply(config, "prod", "expand", "--backfill-batch", "100", "--backfill-pause", "5ms")
                .expectExit(0);
        assertEquals(500, count(prod, "SELECT count(*) FROM people WHERE display_name = full_name"),
                "the backfill ran on the target");

        Cli.Result unconfirmed = apply(config, "prod", "contract").expectExit(3);
        assertTrue(unconfirmed.err().contains("the contract gate of converge.yaml holds (--confirm-contract was not"
                + " given)"), unconfirmed.all());
        Cli.Result beforeStaging = apply(config, "prod", "contract", "--confirm-contract").expectExit(3);
        assertTrue(beforeStaging.err().contains("it has not been contracted successfully in staging"), beforeStaging.all());

        Cli.Result stagingContract = apply(config, "staging", "contract", "--confirm-contract").expectExit(0);
        assertEquals("phase contract", staging.lastRemark());

        Cli.Result flagDown = apply(config, "prod", "contract", "--confirm-contract").expectExit(3);
        assertTrue(flagDown.out().contains("the contract flag query says the old release is not gone yet"), flagDown.all());
        assertEquals(500, count(prod, "SELECT count(*) FROM people WHERE full_name IS NOT NULL"), "nothing changed on prod");
        try (Connection c = prod.connect(); Statement st = c.createStatement()) {
            st.execute("UPDATE rollout_flags SET old_release_gone = 1");
        }
        Cli.Result prodContract = apply(config, "prod", "contract", "--confirm-contract").expectExit(0);
        assertEquals("phase contract", prod.lastRemark());
        for (String env : new String[] {"staging", "prod"}) {
            Cli.Result again = Cli.inProject(config, "plan", "--env", env, "--detailed-exitcode").expectExit(0);
        }
        assertEquals(500, count(prod, "SELECT count(*) FROM people WHERE display_name LIKE 'name %'"));
    }

    private static Cli.Result apply(Path config, String env, String phase, String... more) {
        String[] args = {"apply", "--env", env, "--phase", phase, "--auto-approve"};
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.inProject(config, all);
    }

    private static long count(RenameRollout.Database db, String query) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
