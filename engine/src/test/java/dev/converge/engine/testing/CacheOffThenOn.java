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
import java.util.stream.Stream;

/**
 * Issue 16's acceptance: the convergence suites pass with the normalization cache off and on. A case
 * plans its first plan with the cache off (the files loaded into the shadow, as {@code --no-cache} does)
 * and its second plan, the one that must be empty, from a cache hit of the same files (no shadow: the
 * model read back from the cache entry on disk), which must equal the model the shadow gave.
 */
public final class CacheOffThenOn implements AutoCloseable {
    private final Dialect dialect;
    private final Path directory;
    private final String desired;
    private final ShadowSpec shadow;
    private final DatabaseUrl target;
    private final ServerVersion version;
    private final InspectScope scope;
    private DesiredState fromShadow;

    public CacheOffThenOn(Dialect dialect, String desired, ShadowSpec shadow, DatabaseUrl target, ServerVersion version,
                          InspectScope scope) {
        this.dialect = dialect;
        this.desired = desired;
        this.shadow = shadow;
        this.target = target;
        this.version = version;
        this.scope = scope;
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
        fromShadow = new DesiredStateResolver(dialect, NormalizationCache.in(directory))
                .resolve(desired, shadow, target, version, scope);
        assertFalse(fromShadow.description().contains("normalization cache"), fromShadow.description());
        return fromShadow;
    }

    /** The same desired state again: a hit of the entry on disk, whose model is the one the shadow gave. */
    public DesiredState fromCache() {
        // Read back from the entry on disk, not from memory: the hit a later process gets.
        NormalizationCache.forgetMemory();
        DesiredState hit = new DesiredStateResolver(dialect, NormalizationCache.in(directory))
                .resolve(desired, shadow, target, version, scope);
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
