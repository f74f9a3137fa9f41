package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.converge.dialect.postgres.testing.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.DialectRegistry;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.Shadow;
import dev.converge.engine.spi.ShadowSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PostgreSQL schemas of well-known projects in {@code ../shared/realworld/}, used as they are
 * (each folder's SOURCE.txt says where it comes from and how it loads), on the local PostgreSQL 15
 * and on an embedded PostgreSQL 17. For each: a reference database is built with psql; the files
 * are planned and applied to an empty database through the CLI; then a second plan must be empty,
 * the schema of the result must equal the reference's (pg_dump and {@link CatalogDump} on 15, the
 * catalog dump alone on 17, which the installed pg_dump refuses), {@code inspect} output of the
 * reference, planned against the reference, must plan nothing, an evolution must keep the rows it
 * should, and the files themselves planned against the reference must plan nothing too.
 *
 * <p>Every check runs; the failures must be exactly the ones listed in {@link #KNOWN_GAPS}, each
 * with the reason (a part another change owns). An entry that starts passing fails the test, so
 * that it is removed.
 */
@Tag("slow")
class RealWorldPostgresTest {
    /** The checks, in the order they run. */
    enum Check {
        APPLY, SECOND_PLAN_EMPTY, DUMP_EQUALS_REFERENCE, INSPECT_PLANS_NOTHING, EVOLUTION_KEEPS_ROWS,
        /** The files planned against the database psql built from them: the same schema, so no step. */
        PSQL_BUILT_PLANS_NOTHING
    }

    /** A schema: its name, and its files relative to the real-world folder, loaded in this order. */
    record Schema(String name, List<String> files) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A check known to fail on a schema today, and why; the test asserts that it still fails. */
    record KnownGap(String schema, Check check, String reason) {
    }

    static final List<KnownGap> KNOWN_GAPS = List.of();

    /** PostGIS, pg_partman: Debian packages .ci/run installs for the local server; no embedded server has them. */
    private static final List<String> NEEDS_EXTENSIONS_THE_EMBEDDED_SERVER_LACKS = List.of("lago", "openstreetmap");

    /** All of them; {@code -Drealworld.only=NAME,NAME} runs those (while working on them). */
    static Stream<Schema> schemas() {
        String only = System.getProperty("realworld.only");
        return all().filter(s -> only == null || only.isBlank() || List.of(only.split(",")).contains(s.name()));
    }

    private static Stream<Schema> all() {
        return Stream.of(
                new Schema("danbooru", List.of("danbooru/structure.sql")),
                new Schema("icingadb", List.of("icingadb/pgsql/schema.sql")),
                new Schema("lago", List.of("lago/structure.sql")),
                new Schema("mediawiki", List.of("mediawiki/postgres/tables-generated.sql")),
                new Schema("openstreetmap", List.of("openstreetmap/structure.sql")),
                new Schema("openstreetmap-pre-postgis", List.of("openstreetmap-pre-postgis/structure.sql")),
                new Schema("roundcube", List.of("roundcube/postgres.initial.sql")));
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void loadsPlansAppliesAndConvergesAsPsqlLoadsIt(Schema schema) throws IOException {
        Path root = RealWorld.root();
        Assumptions.assumeTrue(root != null, "../shared/realworld/ is not beside the repository: nothing to run");
        Map<Check, String> failures;
        try (LocalPostgres reference = LocalPostgres.create("load_rw_ref");
             LocalPostgres target = LocalPostgres.create("load_rw_target")) {
            // pg_dump of the installed client reads this server: both it and the catalog dump must agree
            failures = checks(schema, root, PgDatabase.of(reference), PgDatabase.of(target),
                    db -> SchemaDump.comparable(db.database().equals(reference.database()) ? reference : target)
                            + "\n" + CatalogDump.of(db));
        }
        assertOnlyKnownGaps(schema.name(), failures);
    }

    /**
     * The same checks on the newest major: reference and target are databases of an embedded
     * PostgreSQL 17, the reference loaded by psql (the installed client loads into a newer server).
     * The installed pg_dump refuses a server of a newer major and zonky's binaries ship none, so the
     * schemas are compared by {@link CatalogDump} alone. The schemas needing PostGIS or pg_partman
     * ({@link #NEEDS_EXTENSIONS_THE_EMBEDDED_SERVER_LACKS}) cannot load there, as no embedded server
     * has them: for those the plan must refuse before loading, naming the extension.
     */
    @ParameterizedTest(name = "{0} on PostgreSQL 17")
    @MethodSource("schemas")
    void loadsPlansAppliesAndConvergesOnPostgres17(Schema schema) throws IOException, SQLException {
        Path root = RealWorld.root();
        Assumptions.assumeTrue(root != null, "../shared/realworld/ is not beside the repository: nothing to run");
        if (postgres17 == null) {
            Dialect postgres = DialectRegistry.fromServiceLoader().byId("postgres");
            postgres17 = postgres.shadows().open(ShadowSpec.EMBEDDED, null, new ServerVersion(17, 0, ""));
        }
        String name = schema.name().replaceAll("[^a-z0-9]", "_");
        PgDatabase target = database17("load_rw17_target_" + name);
        if (NEEDS_EXTENSIONS_THE_EMBEDDED_SERVER_LACKS.contains(schema.name())) {
            try {
                refusedBeforeLoading(schema, root, target);
            } finally {
                dropDatabase17(target);
            }
            return;
        }
        PgDatabase reference = database17("load_rw17_ref_" + name);
        assertTrue(reference.value("SHOW server_version_num").startsWith("17"), reference.value("SELECT version()"));
        Map<Check, String> failures;
        try {
            failures = checks(schema, root, reference, target, CatalogDump::of);
        } finally {
            dropDatabase17(reference);
            dropDatabase17(target);
        }
        assertOnlyKnownGaps(schema.name(), failures);
    }

    /**
     * A schema needing PostGIS or pg_partman cannot load where neither the embedded shadow nor the
     * target's server (an embedded 17) has it: the plan must say so before loading, with file:line:col,
     * the extension's name and how to proceed (exit 65), and change nothing.
     */
    private void refusedBeforeLoading(Schema schema, Path root, PgDatabase target) throws IOException {
        Path desired = dir.resolve("desired");
        Files.createDirectories(desired);
        Files.copy(root.resolve(schema.files().get(0)), desired.resolve("00.sql"));
        String before = CatalogDump.of(target);
        Cli.Result plan = Cli.run("plan", "--url", target.url(), "--desired", desired.toString()).expectExit(65);
        assertTrue(plan.err().matches("(?s).*00\\.sql:\\d+:\\d+: error: extension \"(postgis|pg_partman)\" is not available.*"),
                plan.all());
        assertTrue(plan.err().contains("--dev-url"), plan.all());
        assertEquals(before, CatalogDump.of(target), "nothing changed");
    }

    /**
     * The five checks of one schema, and the files planned against the database psql built: the
     * reference is built by psql, the files applied to the empty target through the CLI.
     *
     * @return the checks that failed, with why
     */
    private Map<Check, String> checks(Schema schema, Path root, PgDatabase reference, PgDatabase target,
                                      Function<PgDatabase, String> dump) throws IOException {
        Path desired = dir.resolve("desired");
        Files.createDirectories(desired);
        for (int i = 0; i < schema.files().size(); i++) {
            // Copied to a temporary directory (never into the project) so that the folder holds only these files.
            Files.copy(root.resolve(schema.files().get(i)), desired.resolve(String.format("%02d.sql", i)));
        }
        Map<Check, String> failures = new LinkedHashMap<>();
        for (String file : schema.files()) {
            Psql.runFile(reference, root.resolve(file));
        }
        Cli.Result apply = Cli.run(applyArguments(schema, target, desired));
        check(failures, Check.APPLY, () -> {
            assertEquals(0, apply.exitCode(), apply.all());
            if (NEEDS_EXTENSIONS_THE_EMBEDDED_SERVER_LACKS.contains(schema.name())) {
                assertTrue(apply.err().contains("chosen because embedded PostgreSQL"), apply.all());
            }
        });
        // Issue 16: the apply normalizes with the cache off; the second plan fills an empty cache, and
        // the plan of the database psql built is a hit of it (no shadow), which must plan nothing too.
        String cache = dir.resolve("cache").toString();
        if (!failures.containsKey(Check.APPLY)) {
            Cli.Result second = Cli.run("plan", "--url", target.url(), "--desired", desired.toString(),
                    "--detailed-exitcode", "--shadow", "server", "--cache-dir", cache);
            check(failures, Check.SECOND_PLAN_EMPTY, () -> assertEquals(0, second.exitCode(), second.all()));
            check(failures, Check.DUMP_EQUALS_REFERENCE, () -> assertEquals(dump.apply(reference), dump.apply(target),
                    "the schema of the applied database differs from the reference's"));
            check(failures, Check.EVOLUTION_KEEPS_ROWS, () -> evolve(schema, root, reference, target));
        } else {
            failures.put(Check.SECOND_PLAN_EMPTY, "not run: the apply failed");
            failures.put(Check.DUMP_EQUALS_REFERENCE, "not run: the apply failed");
            failures.put(Check.EVOLUTION_KEEPS_ROWS, "not run: the apply failed");
        }
        Cli.Result psqlBuilt = Cli.run("plan", "--url", reference.url(), "--desired", desired.toString(),
                "--detailed-exitcode", "--shadow", "server", "--cache-dir", cache);
        check(failures, Check.PSQL_BUILT_PLANS_NOTHING, () -> {
            assertEquals(0, psqlBuilt.exitCode(), psqlBuilt.all());
            if (!failures.containsKey(Check.APPLY)) {
                assertTrue(psqlBuilt.all().contains("taken from the normalization cache"), psqlBuilt.all());
            }
        });
        Path inspected = dir.resolve("inspected");
        Cli.Result inspect = Cli.run("inspect", "--url", reference.url(), "--out", inspected.toString());
        check(failures, Check.INSPECT_PLANS_NOTHING, () -> {
            assertEquals(0, inspect.exitCode(), inspect.all());
            Cli.run("plan", "--url", reference.url(), "--desired", inspected.toString(),
                    "--detailed-exitcode", "--shadow", "server").expectExit(0);
        });
        return failures;
    }

    /**
     * A developer's change to the applied schema, with rows in the table it changes: renamed and
     * retyped columns keep their values, the plan converges (a second plan is empty).
     */
    private void evolve(Schema schema, Path root, PgDatabase reference, PgDatabase target) {
        try {
            Path file = root.resolve(schema.files().get(0));
            RealWorldEvolution evolution = RealWorldEvolution.pick(reference, Files.readString(file))
                    .orElseThrow(() -> new AssertionError("no table of " + schema + " fits the evolution"));
            evolution.insertRows(target);
            String expected = evolution.rows(target, false);
            Path evolved = dir.resolve("evolved");
            Files.createDirectories(evolved);
            evolution.write(evolved, file);
            Cli.Result apply = Cli.run("apply", "--url", target.url(), "--desired", evolved.toString(),
                    "--auto-approve", "--allow-destructive", "--shadow", "server");
            assertEquals(0, apply.exitCode(), evolution + "\n" + apply.all());
            assertTrue(apply.out().contains("rename column public." + evolution.table() + "." + evolution.renamed()),
                    evolution + "\n" + apply.all());
            assertEquals(expected, evolution.rows(target, true), evolution + ": the rows changed\n" + apply.all());
            assertEquals("3", target.value("SELECT count(*) FROM public.\"" + evolution.table() + "\""));
            assertEquals("0", target.value("SELECT count(*) FROM public." + RealWorldEvolution.NEW_TABLE));
            Cli.Result second = Cli.run("plan", "--url", target.url(), "--desired", evolved.toString(),
                    "--detailed-exitcode", "--shadow", "server");
            assertEquals(0, second.exitCode(), evolution + "\n" + second.all());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new AssertionError("the evolution of " + schema + " failed: " + e.getMessage(), e);
        }
    }

    /** The embedded PostgreSQL 17, started once for the class when the first schema needs it. */
    private static Shadow postgres17;

    @AfterAll
    static void stopPostgres17() {
        if (postgres17 != null) {
            postgres17.close();
        }
    }

    private static PgDatabase database17(String database) throws SQLException {
        try (Statement st = postgres17.connection().createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            st.execute("CREATE DATABASE \"" + database + "\"");
        }
        DatabaseUrl server = postgres17.url();
        return new PgDatabase(server.host(), server.port(), server.user(), server.password(), database);
    }

    private static void dropDatabase17(PgDatabase db) throws SQLException {
        try (Statement st = postgres17.connection().createStatement()) {
            st.execute("DROP DATABASE IF EXISTS \"" + db.database() + "\" WITH (FORCE)");
        }
    }

    /*
     * The schemas needing an extension the embedded server lacks go through the default shadow: it
     * must say so and use the target's server. The others use that server directly, which is faster.
     */
    private static String[] applyArguments(Schema schema, PgDatabase target, Path desired) {
        List<String> args = new ArrayList<>(List.of("apply", "--url", target.url(), "--desired", desired.toString(),
                "--auto-approve", "--no-cache"));
        if (!NEEDS_EXTENSIONS_THE_EMBEDDED_SERVER_LACKS.contains(schema.name())) {
            args.addAll(List.of("--shadow", "server"));
        }
        return args.toArray(new String[0]);
    }

    private static void check(Map<Check, String> failures, Check check, Runnable assertion) {
        try {
            assertion.run();
        } catch (AssertionError e) {
            failures.put(check, e.getMessage());
        }
    }

    /** The failures must be the known gaps of the schema, no more (a regression), no fewer (a fix). */
    private static void assertOnlyKnownGaps(String schema, Map<Check, String> failures) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Check, String> failure : failures.entrySet()) {
            if (KNOWN_GAPS.stream().noneMatch(g -> g.schema().equals(schema) && g.check() == failure.getKey())) {
                problems.add(failure.getKey() + " fails:\n" + abbreviated(failure.getValue()));
            }
        }
        for (KnownGap gap : KNOWN_GAPS) {
            if (gap.schema().equals(schema) && !failures.containsKey(gap.check())) {
                problems.add(gap.check() + " passes now: remove its known gap (" + gap.reason() + ")");
            }
        }
        if (!problems.isEmpty()) {
            fail(schema + ":\n" + String.join("\n", problems));
        }
    }

    /* Plans of a whole schema are long: the head says what failed, the tail says why. */
    private static String abbreviated(String message) {
        if (message == null || message.length() <= 6000) {
            return message;
        }
        return message.substring(0, 3000) + "\n[...]\n" + message.substring(message.length() - 3000);
    }

    /** Finds {@code ../shared/realworld/} from the repository root, wherever the build runs from. */
    static final class RealWorld {
        private RealWorld() {
        }

        static Path root() {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null) {
                Path candidate = dir.resolveSibling("shared").resolve("realworld");
                if (Files.isDirectory(dir.resolve(".git")) || Files.isRegularFile(dir.resolve(".git"))) {
                    return Files.isDirectory(candidate) ? candidate : null;
                }
                dir = dir.getParent();
            }
            return null;
        }
    }

    /** The server's own client: psql loads a file into a test database, stopping at the first error. */
    static final class Psql {
        private Psql() {
        }

        static void runFile(PgDatabase db, Path file) {
            List<String> command = List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", db.host(),
                    "-p", String.valueOf(db.port()), "-U", db.user(), "-d", db.database(), "-f", file.toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (db.password() != null) {
                builder.environment().put("PGPASSWORD", db.password());
            }
            try {
                Process process = builder.start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int code = process.waitFor();
                assertTrue(code == 0, "psql could not load " + file + " (exit " + code + "):\n" + output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
