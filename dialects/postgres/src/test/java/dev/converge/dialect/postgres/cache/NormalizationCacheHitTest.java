package dev.converge.dialect.postgres.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.dialect.postgres.PostgresDialect;
import dev.converge.dialect.postgres.connect.PostgresUrls;
import dev.converge.dialect.postgres.testing.LocalPostgres;
import dev.converge.engine.diag.Phases;
import dev.converge.engine.json.PlanJson;
import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import dev.converge.engine.workflow.NormalizationCache;
import dev.converge.engine.workflow.PlanPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16.1: a normalization cache hit skips the shadow and gives the plan, byte for byte, that a
 * fresh normalization gives; a one-byte change of the files, other schemas or another shadow miss.
 */
class NormalizationCacheHitTest {
    private static final String SCHEMA = """
            CREATE TABLE public.customers (id int PRIMARY KEY, email varchar(200) NOT NULL DEFAULT '',
                created timestamptz DEFAULT now());
            CREATE INDEX customers_email ON public.customers (lower(email));
            CREATE VIEW public.recent AS SELECT id, email FROM public.customers WHERE created > now() - interval '1 day';
            """;

    @TempDir
    Path dir;

    @TempDir
    Path cacheDir;

    private final AtomicInteger loads = new AtomicInteger();

    @AfterEach
    void silence() {
        Phases.listen(null);
    }

    @Test
    void aHitGivesTheIdenticalPlanWithoutAShadow() throws Exception {
        Phases.listen(new Phases.Listener() {
            @Override
            public void started(String phase) {
                if (phase.equals(Phases.LOAD)) {
                    loads.incrementAndGet();
                }
            }

            @Override
            public void finished(String phase, Duration took) {
            }
        });
        Files.writeString(dir.resolve("a.sql"), SCHEMA);
        PostgresDialect dialect = new PostgresDialect();
        try (LocalPostgres target = LocalPostgres.create("faults_cache")) {
            target.execute("CREATE TABLE public.customers (id int PRIMARY KEY);");
            DatabaseUrl url = PostgresUrls.parse(target.jdbcUrl());
            NormalizationCache cache = NormalizationCache.in(cacheDir);
            NormalizationCache.forgetMemory();
            String cold = plan(dialect, url, cache, ShadowSpec.SERVER, InspectScope.ALL);
            assertEquals(1, loads.get(), "the first plan loads a shadow");
            NormalizationCache.forgetMemory();
            String warm = plan(dialect, url, cache, ShadowSpec.SERVER, InspectScope.ALL);
            assertEquals(1, loads.get(), "a hit loads no shadow");
            assertEquals(cold, warm, "the identical plan");
            String uncached = plan(dialect, url, NormalizationCache.disabled(), ShadowSpec.SERVER, InspectScope.ALL);
            assertEquals(2, loads.get(), "--no-cache loads a shadow");
            assertEquals(cold, uncached);

            plan(dialect, url, cache, ShadowSpec.SERVER, new InspectScope(Set.of("public")));
            assertEquals(3, loads.get(), "other schemas miss");
            Files.writeString(dir.resolve("a.sql"), SCHEMA.replace("varchar(200)", "varchar(201)"));
            String changed = plan(dialect, url, cache, ShadowSpec.SERVER, InspectScope.ALL);
            assertEquals(4, loads.get(), "a one-byte change misses");
            assertTrue(changed.contains("201"), changed);
        }
    }

    private String plan(PostgresDialect dialect, DatabaseUrl url, NormalizationCache cache, ShadowSpec shadow,
                               InspectScope scope) throws Exception {
        try (Connection c = dialect.connect(url)) {
            ServerVersion version = dialect.version(c);
            DesiredState desired = new DesiredStateResolver(dialect, cache).resolve(dir.toString(), shadow, url,
                    version, scope);
            SchemaModel current = dialect.inspector().inspect(c, scope);
            return PlanJson.write(new PlanPipeline(dialect, PlanPipeline.Settings.NO_DATA_CHECKS)
                    .plan(c, version, current, desired.model(), "target", desired.source()));
        }
    }
}
