package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phases over environments: {@code apply --env --phase} rolls expand, then contract, out to staging and
 * prod, the promotion gate holds prod's expand until staging has expanded and prod's contract until
 * staging has contracted, and prod's contract gate stated in converge.yaml (an explicit confirmation
 * and a flag read by a query on the target) refuses with exit 3 and its reason until it is met. The
 * files are examples/expand-contract's (a column rename: expand adds the column, the sync, and runs
 * the backfill on each target).
 */
class FleetPhaseTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "expand-contract");

    @TempDir
    Path dir;

    @Test
    void stagingExpandsAndContractsBeforeProdAndProdsGateHoldsContract() throws Exception {
        try (LocalPostgres staging = LocalPostgres.create("fleet_phase_staging");
             LocalPostgres prod = LocalPostgres.create("fleet_phase_prod")) {
            try (Connection c = prod.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA flags");
                st.execute("CREATE TABLE flags.rollout (old_release_gone boolean NOT NULL)");
                st.execute("INSERT INTO flags.rollout VALUES (false)");
            }
            Path schema = Files.createDirectories(dir.resolve("schema"));
            Files.copy(EXAMPLE.resolve("v1/people.sql"), schema.resolve("people.sql"));
            Path config = dir.resolve("converge.yaml");
            Files.writeString(config, """
                    dialect: postgres
                    desired: %s
                    shadow: server
                    schemas: [public]
                    environments:
                      staging:
                        url: %s
                      prod:
                        url: %s
                        after: staging
                        contract_gate:
                          confirm: true
                          flag_sql: SELECT old_release_gone FROM flags.rollout
                    """.formatted(schema, Cli.url(staging), Cli.url(prod)));
            for (String env : new String[] {"staging", "prod"}) {
                Cli.Result v1 = Cli.inProject(config, "apply", "--env", env, "--auto-approve");
                assertEquals(0, v1.exitCode(), v1.all());
            }
            try (Connection c = prod.connect(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO people SELECT g, 'name ' || g FROM generate_series(1, 500) g");
            }
            Files.copy(EXAMPLE.resolve("v2/people.sql"), schema.resolve("people.sql"), StandardCopyOption.REPLACE_EXISTING);

            Cli.Result prodFirst = apply(config, "prod", "expand");
            assertEquals(3, prodFirst.exitCode(), prodFirst.all());
            assertTrue(prodFirst.err().contains("it has not been applied successfully to staging"), prodFirst.all());

            Cli.Result stagingExpand = apply(config, "staging", "expand");
            assertEquals(0, stagingExpand.exitCode(), stagingExpand.all());
            assertEquals("phase expand", Cli.value(staging, "SELECT remark FROM converge.history ORDER BY id DESC LIMIT 1"));
            Cli.Result prodExpand = apply(config, "prod", "expand");
            assertEquals(0, prodExpand.exitCode(), prodExpand.all());
            assertEquals("500", Cli.value(prod, "SELECT count(*) FROM people WHERE display_name = full_name"),
                    "the backfill ran on the target");

            Cli.Result unconfirmed = apply(config, "prod", "contract");
            assertEquals(3, unconfirmed.exitCode(), unconfirmed.all());
            assertTrue(unconfirmed.err().contains("the contract gate of converge.yaml holds (--confirm-contract was not"
                    + " given)"), unconfirmed.all());
            Cli.Result beforeStaging = apply(config, "prod", "contract", "--confirm-contract");
            assertEquals(3, beforeStaging.exitCode(), beforeStaging.all());
            assertTrue(beforeStaging.err().contains("it has not been contracted successfully in staging"), beforeStaging.all());

            Cli.Result stagingContract = apply(config, "staging", "contract", "--confirm-contract");
            assertEquals(0, stagingContract.exitCode(), stagingContract.all());
            assertEquals("phase contract", Cli.value(staging, "SELECT remark FROM converge.history ORDER BY id DESC LIMIT 1"));

            Cli.Result flagDown = apply(config, "prod", "contract", "--confirm-contract");
            assertEquals(3, flagDown.exitCode(), flagDown.all());
            assertTrue(flagDown.out().contains("the contract flag query says the old release is not gone yet"),
                    flagDown.all());
            assertEquals("1", Cli.value(prod, "SELECT count(*) FROM information_schema.columns"
                    + " WHERE table_name = 'people' AND column_name = 'full_name'"), "nothing changed on prod");
            try (Connection c = prod.connect(); Statement st = c.createStatement()) {
                st.execute("UPDATE flags.rollout SET old_release_gone = true");
            }
            Cli.Result prodContract = apply(config, "prod", "contract", "--confirm-contract");
            assertEquals(0, prodContract.exitCode(), prodContract.all());
            for (String env : new String[] {"staging", "prod"}) {
                Cli.Result again = Cli.inProject(config, "plan", "--env", env, "--detailed-exitcode");
                assertEquals(0, again.exitCode(), again.all());
            }
            assertEquals("500", Cli.value(prod, "SELECT count(*) FROM people WHERE display_name LIKE 'name %'"));
        }
    }

    private static Cli.Result apply(Path config, String env, String phase, String... more) {
        String[] args = {"apply", "--env", env, "--phase", phase, "--auto-approve"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.inProject(config, all);
    }
}
