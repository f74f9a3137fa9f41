package dev.converge.api;

import dev.converge.engine.diag.Phases;
import dev.converge.engine.workflow.NormalizationCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the whole process rather than of one target: who hears the stages of each plan, and
 * where normalized desired states are cached between runs (the CLI's {@code --verbose},
 * {@code --no-cache} and {@code --cache-dir}). Immutable; {@link #install()} makes them the process's
 * until the returned handle is closed, which puts the defaults back (tests run many commands in one JVM).
 *
 * <pre>{@code
 * try (RunSettings.Installed installed = RunSettings.DEFAULT.withoutCache().install()) {
 *     Converge.target(url).plan(Desired.directory(schema));
 * }
 * }</pre>
 *
 * @param stages   who hears the stages, or null for nobody
 * @param cache    false: every plan loads its desired files into a shadow, even when they were
 *                 normalized before
 * @param cacheDir the cache directory (as {@code --cache-dir} names it), or null for the default:
 *                 {@code $CONVERGE_CACHE_DIR}, else {@code $XDG_CACHE_HOME/converge}, else
 *                 {@code ~/.cache/converge}
 */
public record RunSettings(StageListener stages, boolean cache, Path cacheDir) {
    /** Nobody hears the stages; the cache is in the default directory. */
    public static final RunSettings DEFAULT = new RunSettings(null, true, null);

    /** These settings with {@code listener} hearing the stages. */
    public RunSettings listeningToStages(StageListener listener) {
        return new RunSettings(Objects.requireNonNull(listener, "listener is null"), cache, cacheDir);
    }

    /** These settings with no normalization cache. */
    public RunSettings withoutCache() {
        return new RunSettings(stages, false, cacheDir);
    }

    /** These settings with the cache kept in {@code directory} (one a CI job keeps between runs). */
    public RunSettings cachingIn(Path directory) {
        return new RunSettings(stages, cache, Objects.requireNonNull(directory, "directory is null"));
    }

    /** Makes these the settings of this process until the handle is closed. */
    public Installed install() {
        Phases.listen(stages == null ? null : new StagesHeard(stages));
        NormalizationCache.choose(!cache ? NormalizationCache.disabled()
                : cacheDir != null ? NormalizationCache.in(cacheDir.resolve("normalized")) : null);
        return new Installed();
    }

    /** Puts the process's defaults back when closed. */
    public static final class Installed implements AutoCloseable {
        private Installed() {
        }

        @Override
        public void close() {
            Phases.listen(null);
            NormalizationCache.choose(null);
        }
    }

    /** The engine's stage listener, passing each event on to the caller's. */
    private record StagesHeard(StageListener listener) implements Phases.Listener {
        @Override
        public void started(String phase) {
            listener.started(phase);
        }

        @Override
        public void finished(String phase, Duration took) {
            listener.finished(phase, took);
        }

        @Override
        public void note(String phase, String text) {
            listener.note(phase, text);
        }
    }
}
