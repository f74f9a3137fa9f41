package dev.converge.engine.workflow;

import dev.converge.engine.diag.Phases;
import dev.converge.engine.fleet.ModelJson;
import dev.converge.engine.model.SchemaModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * NormalizationCache keeps desired models made by a shadow, by {@link NormalizationKey}: a hit skips
 * the shadow entirely. Two layers: this process's memory (every environment and tenant of a
 * {@code status}, {@code drift} or fleet run shares one normalization per distinct desired state), and
 * a directory of entries kept between runs (the user's cache directory, or one the project chooses so
 * that CI can keep it).
 *
 * <p>An entry is never trusted blindly: it holds its key and a SHA-256 of its content, and one whose
 * format, key or hash does not match (a corrupt file, another build's entry under a colliding name,
 * a half-written file) is ignored and rebuilt. Entries are written to a temporary file and moved into
 * place atomically, so processes filling the same entry at once each leave a whole entry.
 *
 * <p>What is cached is only ever a success: a load that fails is reported as it is today, every run.
 */
public final class NormalizationCache {
    /** The system property (tests, the launcher) and environment variable that choose the directory. */
    public static final String DIRECTORY_PROPERTY = "converge.cache.dir";
    public static final String DIRECTORY_VARIABLE = "CONVERGE_CACHE_DIR";

    static final String FORMAT = "converge-normalized-model 1";
    private static final Duration ABANDONED = Duration.ofHours(1);
    private static final Map<String, Entry> MEMORY = new ConcurrentHashMap<>();
    private static volatile NormalizationCache chosen;

    /** A cached normalization: the model and the description of the shadow that made it. */
    public record Entry(SchemaModel model, String shadowDescription) {
    }

    private final boolean enabled;
    private final Path directory;

    private NormalizationCache(boolean enabled, Path directory) {
        this.enabled = enabled;
        this.directory = directory;
    }

    /** No cache at all ({@code --no-cache}): every run loads its shadow. */
    public static NormalizationCache disabled() {
        return new NormalizationCache(false, null);
    }

    /** This process's memory only. */
    public static NormalizationCache memoryOnly() {
        return new NormalizationCache(true, null);
    }

    /** Memory and the entries under {@code directory}. */
    public static NormalizationCache in(Path directory) {
        return new NormalizationCache(true, directory);
    }

    /**
     * Sets the cache of this process ({@code --no-cache}, {@code --cache-dir}); null goes back to the
     * directory the environment names.
     */
    public static void choose(NormalizationCache cache) {
        chosen = cache;
    }

    /**
     * The cache of this process: the one {@link #choose chosen}, else the directory named by {@value #DIRECTORY_PROPERTY} or
     * {@value #DIRECTORY_VARIABLE}, else the user's cache directory ({@code $XDG_CACHE_HOME/converge},
     * else {@code ~/.cache/converge}); memory only when there is no home.
     */
    public static NormalizationCache fromEnvironment() {
        NormalizationCache chosenCache = chosen;
        if (chosenCache != null) {
            return chosenCache;
        }
        Path directory = defaultDirectory();
        return directory == null ? memoryOnly() : in(directory);
    }

    static Path defaultDirectory() {
        String chosen = System.getProperty(DIRECTORY_PROPERTY, System.getenv(DIRECTORY_VARIABLE));
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen).resolve("normalized");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "converge", "normalized");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() || home.equals("?") ? null
                : Path.of(home, ".cache", "converge", "normalized");
    }

    public boolean enabled() {
        return enabled;
    }

    /** The entry under {@code key}, if a whole, matching one is in memory or on disk. */
    public Optional<Entry> get(NormalizationKey key) {
        if (!enabled || key == null) {
            return Optional.empty();
        }
        Entry inMemory = MEMORY.get(key.hash());
        if (inMemory != null) {
            Phases.note(Phases.NORMALIZATION_CACHE, "hit in memory " + shortHash(key));
            return Optional.of(inMemory);
        }
        if (directory == null) {
            return Optional.empty();
        }
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            Phases.note(Phases.NORMALIZATION_CACHE, "miss " + shortHash(key) + " in " + directory);
            return Optional.empty();
        }
        try {
            Optional<Entry> read = read(Files.readString(file, StandardCharsets.UTF_8), key);
            if (read.isEmpty()) {
                Phases.note(Phases.NORMALIZATION_CACHE, "ignored the entry " + file + ": not whole or not for"
                        + " this key; it is rebuilt");
            } else {
                Phases.note(Phases.NORMALIZATION_CACHE, "hit " + file);
                MEMORY.put(key.hash(), read.get());
            }
            return read;
        } catch (IOException | RuntimeException e) {
            Phases.note(Phases.NORMALIZATION_CACHE, "ignored the entry " + file + " (" + e.getClass().getSimpleName()
                    + "); it is rebuilt");
            return Optional.empty();
        }
    }

    /** Keeps {@code entry} under {@code key}; a directory that cannot be written only costs the next run its time. */
    public void put(NormalizationKey key, Entry entry) {
        if (!enabled || key == null) {
            return;
        }
        MEMORY.put(key.hash(), entry);
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            removeAbandoned();
            Path temporary = Files.createTempFile(directory, key.hash() + ".", ".tmp");
            try {
                Files.writeString(temporary, write(key, entry), StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file(key), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            Phases.note(Phases.NORMALIZATION_CACHE, "stored " + file(key));
        } catch (IOException | RuntimeException e) {
            Phases.note(Phases.NORMALIZATION_CACHE, "could not store the entry in " + directory + " ("
                    + e.getMessage() + "); the next run normalizes again");
        }
    }

    /** Forgets this process's memory (tests that count normalizations). */
    public static void forgetMemory() {
        MEMORY.clear();
    }

    Path file(NormalizationKey key) {
        return directory.resolve(key.hash() + ".json");
    }

    static String write(NormalizationKey key, Entry entry) {
        String body = "description " + entry.shadowDescription().replace('\n', ' ') + "\n" + ModelJson.write(entry.model());
        return FORMAT + "\nkey " + key.hash() + "\nsha256 " + NormalizationKey.sha256(body) + "\n" + body;
    }

    /** The entry in {@code text} when it is whole and for {@code key}; empty otherwise. */
    static Optional<Entry> read(String text, NormalizationKey key) {
        String[] head = text.split("\n", 4);
        if (head.length < 4 || !head[0].equals(FORMAT) || !head[1].equals("key " + key.hash())
                || !head[2].startsWith("sha256 ") || !head[2].substring(7).equals(NormalizationKey.sha256(head[3]))) {
            return Optional.empty();
        }
        String[] body = head[3].split("\n", 2);
        if (body.length < 2 || !body[0].startsWith("description ")) {
            return Optional.empty();
        }
        return Optional.of(new Entry(ModelJson.read(body[1]), body[0].substring("description ".length())));
    }

    /** Temporary files of a writer that was killed before it moved them into place. */
    private void removeAbandoned() throws IOException {
        FileTime before = FileTime.from(Instant.now().minus(ABANDONED));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                try {
                    if (Files.getLastModifiedTime(file).compareTo(before) < 0) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    // Another process removed it first.
                }
            }
        }
    }

    private static String shortHash(NormalizationKey key) {
        return key.hash().substring(0, 12);
    }
}
