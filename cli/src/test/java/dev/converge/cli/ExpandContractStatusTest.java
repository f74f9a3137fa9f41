package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target of an environment between expand and contract: {@code drift} and {@code status} show it in
 * that state, not as drifted, and a change made outside Converge beside it is still drift, reported
 * without the parallel change's own objects. The files are examples/expand-contract's.
 */
class ExpandContractStatusTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "expand-contract");

    @TempDir
    Path dir;

    @Test
    void aTargetBetweenExpandAndContractIsNotDrift() throws Exception {
        try (LocalPostgres db = LocalPostgres.create("expand_status")) {
            Path schema = Files.createDirectories(dir.resolve("schema"));
            Files.copy(EXAMPLE.resolve("v1/people.sql"), schema.resolve("people.sql"));
            Path config = dir.resolve("converge.yaml");
            Files.writeString(config, """
                    dialect: postgres
                    desired: %s
                    shadow: server
                    environments:
                      dev:
                        url: %s
                    """.formatted(schema, Cli.url(db)));
            Cli.Result applied = Cli.inProject(config, "apply", "--env", "dev", "--auto-approve");
            assertEquals(0, applied.exitCode(), applied.all());
            db.execute("INSERT INTO people SELECT g, 'name ' || g FROM generate_series(1, 50) g");

            Files.copy(EXAMPLE.resolve("v2/people.sql"), schema.resolve("people.sql"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Cli.Result expand = Cli.run("apply", "--url", Cli.url(db), "--desired", schema.toString(), "--shadow", "server",
                    "--phase", "expand", "--auto-approve");
            assertEquals(0, expand.exitCode(), expand.all());

            Cli.Result drift = Cli.inProject(config, "drift", "--env", "dev");
            assertEquals(2, drift.exitCode(), "pending (contract is to run), not drifted: " + drift.all());
            assertTrue(drift.out().contains(": between expand and contract: 1 parallel change open"
                    + " (public.people.full_name -> display_name)"), drift.all());
            assertFalse(drift.out().contains("drifted"), drift.all());
            Cli.Result status = Cli.inProject(config, "status", "--env", "dev");
            assertEquals(0, status.exitCode(), status.all());
            assertTrue(status.out().contains("between expand and contract"), status.all());
            Cli.Result json = Cli.inProject(config, "drift", "--env", "dev", "--format", "json");
            assertTrue(json.out().contains("\"state\" : \"between_phases\""), json.all());

            for (String[] command : new String[][] {{"plan"}, {"apply", "--auto-approve"}}) {
                Cli.Result refused = Cli.inProject(config, java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                        java.util.stream.Stream.of("--env", "dev", "--phase", "contract")).toArray(String[]::new));
                assertEquals(64, refused.exitCode(), refused.all());
                assertTrue(refused.err().contains("not an environment: the promotion gate does not know the phases yet"),
                        refused.all());
            }

            db.execute("ALTER TABLE people ADD COLUMN hotfix integer");
            Cli.Result hotfix = Cli.inProject(config, "drift", "--env", "dev");
            assertEquals(4, hotfix.exitCode(), hotfix.all());
            assertTrue(hotfix.out().contains("hotfix"), hotfix.all());
            assertFalse(hotfix.out().contains("converge_sync") || hotfix.out().contains("display_name"),
                    "the parallel change is not drift: " + hotfix.all());
        }
    }
}
