package dev.converge.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.Dialect;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.ShadowSpec;
import dev.converge.engine.workflow.DesiredState;
import dev.converge.engine.workflow.DesiredStateResolver;
import dev.converge.engine.workflow.NormalizationCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Issue 16's acceptance: the convergence suites pass with the normalization cache off and on. A case
 * plans its first plan with the cache off (the files loaded into the shadow, as {@code --no-cache} does)
 * and its second plan, the one that must be empty, from a cache hit of the same files (no shadow: the
 * model read back from the cache entry on disk), which must equal the model the shadow gave.
 */
public final class CacheOffThenOn implements AutoCloseable {
    private final Path directory;
    private final Function<NormalizationCache, DesiredState> resolve;
    private DesiredState fromShadow;

    /** {@code desired} as {@code plan} resolves it for {@code target}, with the cache it is given. */
    public CacheOffThenOn(Dialect dialect, String desired, ShadowSpec shadow, DatabaseUrl target, ServerVersion version,
                          InspectScope scope) {
        this.resolve = cache -> new DesiredStateResolver(dialect, cache).resolve(desired, shadow, target, version, scope);
        try {
            this.directory = Files.createTempDirectory("converge-cache-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The desired state through the shadow: a miss of an empty cache, which it fills. */
    public DesiredState fromShadow() {
        // The process's memory of earlier normalizations (another case with the same files) would hit.
        NormalizationCache.forgetMemory();
        fromShadow = resolve.apply(NormalizationCache.in(directory));
        assertFalse(fromShadow.description().contains("normalization cache"), fromShadow.description());
        return fromShadow;
    }

    /** The same desired state again: a hit of the entry on disk, whose model is the one the shadow gave. */
    public DesiredState fromCache() {
        // Read back from the entry on disk, not from memory: the hit a later process gets.
        NormalizationCache.forgetMemory();
        DesiredState hit = resolve.apply(NormalizationCache.in(directory));
        assertTrue(hit.description().contains("taken from the normalization cache"), hit.description());
        assertEquals(fromShadow.model(), hit.model(), "a cache hit gives the model the shadow gave");
        return hit;
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
