package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that psql loads in path order load in Converge and mean the same: a multi-file install that
 * sets its search path applies and converges, rows the files write are named in a note and not
 * planned, and an extension the shadow lacks is named before anything loads.
 */
class LoadingContractTest {
    @TempDir
    Path dir;

    @Test
    void aMultiFileInstallWithItsOwnSearchPathAppliesAndConverges() throws IOException {
        Path desired = dir.resolve("install");
        Files.createDirectories(desired);
        Files.writeString(desired.resolve("01_schema.sql"), "CREATE SCHEMA app;\n");
        Files.writeString(desired.resolve("02_functions.sql"), """
                SET search_path = app, public;
                CREATE FUNCTION track_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM track $$;
                CREATE FUNCTION track_total() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM track';
                """);
        Files.writeString(desired.resolve("03_tables.sql"), """
                SET search_path = app, public;
                CREATE TABLE track (id int PRIMARY KEY, title text);
                CREATE VIEW long_tracks AS SELECT id FROM track WHERE length(title) > 10;
                INSERT INTO track VALUES (1, 'a seed row');
                """);
        try (LocalPostgres target = LocalPostgres.create("load_contract")) {
            Cli.Result apply = Cli.run("apply", "--url", Cli.url(target), "--desired", desired.toString(),
                    "--auto-approve", "--shadow", "server").expectExit(0);
            assertTrue(apply.out().contains("SET search_path TO \"app\", \"public\";\n"
                    + "      CREATE OR REPLACE FUNCTION app.track_count()"), apply.all());
            assertTrue(apply.out().contains("1 data statement in the desired files ran in the shadow database only;"
                    + " rows are not part of the plan and are not written to the target: "
                    + desired.resolve("03_tables.sql") + ":4"), apply.all());
            assertEquals("0", Cli.value(target, "SELECT count(*) FROM app.track"), "the seed row is not planned");
            assertEquals("\"$user\", public", Cli.value(target, "SHOW search_path"));
            Cli.run("plan", "--url", Cli.url(target), "--desired", desired.toString(),
                    "--detailed-exitcode", "--shadow", "server").expectExit(0);
        }
    }

    @Test
    void anExtensionTheChosenShadowLacksIsNamedBeforeLoading() throws IOException {
        Path desired = dir.resolve("gis");
        Files.createDirectories(desired);
        Files.writeString(desired.resolve("schema.sql"), """
                CREATE TABLE zones (id int PRIMARY KEY);
                CREATE EXTENSION IF NOT EXISTS converge_no_such_extension;
                """);
        try (LocalPostgres target = LocalPostgres.create("load_ext")) {
            String before = SchemaDump.of(target);
            Cli.Result plan = Cli.withServerShadow("plan", Cli.url(target), desired.toString()).expectExit(65);
            assertTrue(plan.err().contains(desired.resolve("schema.sql") + ":2:32: error: extension"
                    + " \"converge_no_such_extension\" is not available in the shadow (database converge_shadow_"),
                    plan.all());
            assertTrue(plan.err().contains("--shadow server") && plan.err().contains("--dev-url"), plan.all());
            assertEquals(before, SchemaDump.of(target), "nothing changed");
        }
    }

    @Test
    void byDefaultTheTargetsServerIsTheShadowWhenOnlyItHasTheExtension() throws IOException {
        try (LocalPostgres target = LocalPostgres.create("load_gis")) {
            Assumptions.assumeTrue("1".equals(Cli.value(target, "SELECT count(*) FROM pg_available_extensions"
                    + " WHERE name = 'postgis'")), "PostGIS is not installed on the local server (.ci/run installs it)");
            Path desired = dir.resolve("postgis");
            Files.createDirectories(desired);
            Files.writeString(desired.resolve("schema.sql"), """
                    CREATE EXTENSION IF NOT EXISTS postgis;
                    CREATE TABLE zones (id int PRIMARY KEY, area geometry(Polygon, 4326) NOT NULL);
                    """);
            Cli.Result plan = Cli.run("plan", "--url", Cli.url(target), "--desired", desired.toString(),
                    "--no-cache"); // a cached normalization would name the cache, not the choice, as the shadow
            assertTrue(plan.exitCode() == 0 || plan.exitCode() == 5, plan.all());
            assertTrue(plan.err().contains(", chosen because embedded PostgreSQL ")
                    && plan.err().contains(" lacks the extension \"postgis\")"), plan.all());
            assertTrue(plan.out().contains("create table public.zones"), plan.all());
        }
    }
}
