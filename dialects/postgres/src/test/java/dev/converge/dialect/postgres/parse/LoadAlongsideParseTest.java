package dev.converge.dialect.postgres.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.engine.diag.BadInputException;
import dev.converge.engine.diag.Phases;
import dev.converge.engine.model.QualifiedName;
import dev.converge.engine.model.Table;
import dev.converge.engine.model.View;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import dev.converge.engine.workflow.NormalizationCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16.2: with an embedded shadow the files are loaded on a thread of their own while they are
 * parsed (the load keeps file order, which needs no parse), and the parse's problems still win over
 * whatever the shadow said.
 */
class LoadAlongsideParseTest {
    private static final ServerVersion PG15 = new ServerVersion(15, 0, "");

    @TempDir
    Path dir;

    /** The thread each stage ran on. */
    private final Map<String, String> threads = new ConcurrentHashMap<>();

    @AfterEach
    void silence() {
        Phases.listen(null);
    }

    private DesiredState resolve() {
        Phases.listen(new Phases.Listener() {
            @Override
            public void started(String phase) {
                threads.put(phase, Thread.currentThread().getName());
            }

            @Override
            public void finished(String phase, Duration took) {
            }
        });
        return new DesiredStateResolver(new PostgresDialect(), NormalizationCache.disabled())
                .resolve(dir.toString(), ShadowSpec.EMBEDDED, null, PG15, InspectScope.ALL);
    }

    @Test
    void theShadowIsLoadedAndInspectedBesideTheParse() throws Exception {
        Files.writeString(dir.resolve("a.sql"), """
                CREATE VIEW public.open_orders AS SELECT id FROM public.orders WHERE NOT closed;
                CREATE TABLE public.orders (id int PRIMARY KEY, closed boolean NOT NULL DEFAULT false);
                """);
        DesiredState desired = resolve();
        assertEquals(List.of(QualifiedName.of("public", "orders")),
                desired.model().tables().stream().map(Table::name).toList(), desired.description());
        assertEquals(List.of(QualifiedName.of("public", "open_orders")),
                desired.model().views().stream().map(View::name).toList(), desired.description());
        assertFalse(desired.source().declarations().isEmpty(), "the parse's locations are kept");
        assertEquals(threads.get(Phases.LOAD), threads.get(Phases.INSPECT_DESIRED));
        assertNotEquals(threads.get(Phases.PARSE), threads.get(Phases.LOAD), "load and parse on two threads");
    }

    @Test
    void aParseProblemWinsOverWhatTheShadowRejects() throws Exception {
        Files.writeString(dir.resolve("a.sql"), """
                CREATE VIEW public.v AS SELECT x FROM public.nowhere;
                CREATE TABLE public.b (id int,, x int);
                """);
        BadInputException e = assertThrows(BadInputException.class, this::resolve);
        assertEquals(1, e.diagnostics().size(), e.getMessage());
        assertTrue(e.diagnostics().get(0).span().toString().endsWith("a.sql:2:31"), e.getMessage());
        assertTrue(e.diagnostics().get(0).message().startsWith("expected"), e.getMessage());
    }
}
