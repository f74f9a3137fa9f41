package dev.converge.dialect.postgres.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.api.Converge;
import dev.converge.api.ConvergePlan;
import dev.converge.api.Desired;
import dev.converge.api.Format;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.Phases;
import dev.converge.engine.spi.ManagedShadow;
import dev.converge.engine.spi.ShadowDatabaseNames;
import dev.converge.engine.workflow.NormalizationCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16.2: a plan stops its shadow beside the diff once the shadow is inspected, and the shadow is
 * gone when the plan returns, so that a caller's own cleanup (dropping a role the shadow database used,
 * or the database itself) never races it. A shadow whose load fails is stopped before the error is told.
 */
class ShadowStopTest {
    @TempDir
    Path schema;

    @TempDir
    Path work;

    private static final Pattern SHADOW_NAME = Pattern.compile(ShadowDatabaseNames.PREFIX + "\\w+");

    /** The threads the shadow's stop ran on. */
    private final List<String> stoppedOn = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() {
        // A cache hit would start no shadow at all.
        NormalizationCache.choose(NormalizationCache.disabled());
        System.setProperty(ManagedShadow.WORK_DIRECTORY_PROPERTY, work.toString());
        Phases.listen(new Phases.Listener() {
            @Override
            public void started(String phase) {
                if (phase.equals(Phases.SHADOW_STOP)) {
                    stoppedOn.add(Thread.currentThread().getName());
                }
            }

            @Override
            public void finished(String phase, Duration took) {
            }
        });
    }

    @AfterEach
    void silence() {
        Phases.listen(null);
        System.clearProperty(ManagedShadow.WORK_DIRECTORY_PROPERTY);
        NormalizationCache.choose(null);
    }

    @Test
    void aServerShadowDatabaseIsDroppedBesideTheDiffAndBeforeThePlanReturns() throws Exception {
        Files.writeString(schema.resolve("a.sql"), "CREATE TABLE public.items (id int PRIMARY KEY, name text NOT NULL);\n");
        try (LocalPostgres target = LocalPostgres.create("shadow_stop")) {
            ConvergePlan plan = Converge.target(target.jdbcUrl()).serverShadow().plan(Desired.directory(schema));

            Matcher shadow = SHADOW_NAME.matcher(plan.desiredState());
            assertTrue(shadow.find(), plan.desiredState());
            assertFalse(databases(target).contains(shadow.group()), "the shadow database " + shadow.group()
                    + " is gone when the plan returns");
            assertEquals(List.of("converge-shadow-stop"), stoppedOn, "the shadow was stopped on a thread of its own");
            assertEquals(1, plan.steps().size(), plan.render(Format.TEXT));
        }
    }

    @Test
    void anEmbeddedShadowIsStoppedBesideTheDiffAndItsDirectoryIsGoneWhenThePlanReturns() throws Exception {
        Files.writeString(schema.resolve("a.sql"), "CREATE TABLE public.items (id int PRIMARY KEY);\n");
        try (LocalPostgres target = LocalPostgres.create("shadow_stop")) {
            ConvergePlan plan = Converge.target(target.jdbcUrl()).embeddedShadow().plan(Desired.directory(schema));

            assertNothingLeftIn(work);
            assertEquals(List.of("converge-shadow-stop"), stoppedOn, "the shadow was stopped on a thread of its own");
            assertEquals(1, plan.steps().size(), plan.render(Format.TEXT));
        }
    }

    @Test
    void aShadowWhoseLoadFailsIsStoppedBeforeTheErrorIsToldAndNotBesideIt() throws Exception {
        // Parses, but the server refuses it: the load fails, not the parse.
        Files.writeString(schema.resolve("a.sql"), "CREATE TABLE public.items (id int PRIMARY KEY, n int CHECK (n > 'x'));\n");
        try (LocalPostgres target = LocalPostgres.create("shadow_stop")) {
            ConvergeException refused = assertThrows(ConvergeException.class,
                    () -> Converge.target(target.jdbcUrl()).embeddedShadow().plan(Desired.directory(schema)));

            assertTrue(refused.getMessage().contains("a.sql:1:"), refused.getMessage());
            assertNothingLeftIn(work);
            assertEquals(List.of(), stoppedOn, "stopped on the failing thread, not beside anything");
        }
    }

    /** The server's shadow databases (another build's tests may create other databases meanwhile). */
    private static Set<String> databases(LocalPostgres target) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT datname FROM pg_database WHERE starts_with(datname, '"
                     + ShadowDatabaseNames.PREFIX + "')")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static void assertNothingLeftIn(Path work) throws Exception {
        try (Stream<Path> left = Files.list(work)) {
            List<Path> names = left.filter(p -> p.getFileName().toString().startsWith("converge-shadow-")).toList();
            assertEquals(List.of(), names, "the embedded shadow's directory is deleted");
        }
    }
}
