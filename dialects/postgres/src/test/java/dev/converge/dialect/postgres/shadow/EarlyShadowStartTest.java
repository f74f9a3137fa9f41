package dev.converge.dialect.postgres.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.connect.PostgresUrls;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.Phases;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ManagedShadow;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import dev.converge.engine.workflow.NormalizationCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16.2: on a normalization cache miss the embedded shadow starts while the files are parsed,
 * and files with a mistake are still reported at file:line:col with no server left running and no
 * directory left behind.
 */
class EarlyShadowStartTest {
    @TempDir
    Path dir;

    @TempDir
    Path work;

    /** "started phase" and "finished phase", in the order the stages told them. */
    private final List<String> events = new CopyOnWriteArrayList<>();

    /** The threads the shadow's start ran on. */
    private final List<String> startedOn = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() {
        System.setProperty(ManagedShadow.WORK_DIRECTORY_PROPERTY, work.toString());
        Phases.listen(new Phases.Listener() {
            @Override
            public void started(String phase) {
                events.add("started " + phase);
                if (phase.equals(Phases.SHADOW_START)) {
                    startedOn.add(Thread.currentThread().getName());
                }
            }

            @Override
            public void finished(String phase, Duration took) {
                events.add("finished " + phase);
            }
        });
    }

    @AfterEach
    void silence() {
        Phases.listen(null);
        System.clearProperty(ManagedShadow.WORK_DIRECTORY_PROPERTY);
    }

    private DesiredState resolve(LocalPostgres target) throws Exception {
        PostgresDialect dialect = new PostgresDialect();
        DatabaseUrl url = PostgresUrls.parse(target.jdbcUrl());
        ServerVersion version;
        try (Connection c = target.connect()) {
            version = dialect.version(c);
        }
        return new DesiredStateResolver(dialect, NormalizationCache.disabled())
                .resolve(dir.toString(), ShadowSpec.EMBEDDED, url, version, InspectScope.ALL);
    }

    @Test
    void theShadowStartsOnAThreadOfItsOwnBesideTheParse() throws Exception {
        Files.writeString(dir.resolve("a.sql"), "CREATE TABLE public.items (id int PRIMARY KEY, name text NOT NULL);\n");
        try (LocalPostgres target = LocalPostgres.create("early_shadow")) {
            DesiredState desired = resolve(target);

            assertEquals(List.of("public.items"), desired.model().tables().stream().map(t -> t.name().toString()).toList());
            // Started before the parse, on a thread of its own: whether it is scheduled before the
            // parse of one statement ends is up to the machine, so the thread is what is checked.
            assertEquals(List.of("converge-shadow-start"), startedOn, "the shadow starts beside the parse: " + events);
            assertTrue(events.indexOf("finished " + Phases.SHADOW_START) < events.indexOf("started " + Phases.LOAD),
                    events.toString());
        }
        assertNothingLeftIn(work);
    }

    @Test
    void aMistakeTheParseFindsIsReportedAtItsPlaceAndTheStartedShadowIsGone() throws Exception {
        Files.writeString(dir.resolve("a.sql"), "CREATE TABLE public.items (id int PRIMARY KEY);\nCREATE TABLE public.oops (id text DEFAULT 'unterminated);\n");
        try (LocalPostgres target = LocalPostgres.create("early_shadow")) {
            BadInputException e = assertThrows(BadInputException.class, () -> resolve(target));

            assertTrue(e.render().contains("a.sql:2:"), e.render());
            assertTrue(events.contains("started " + Phases.SHADOW_START), "the shadow was started early: " + events);
            assertEquals(-1, events.indexOf("started " + Phases.LOAD), "nothing was loaded: " + events);
        }
        assertNothingLeftIn(work);
    }

    private static void assertNothingLeftIn(Path work) throws Exception {
        try (Stream<Path> left = Files.list(work)) {
            List<Path> names = left.filter(p -> p.getFileName().toString().startsWith("converge-shadow-")).toList();
            assertEquals(List.of(), names, "the embedded shadow's directory is deleted");
        }
    }
}
