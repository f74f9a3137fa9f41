package dev.converge.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.model.SchemaModel;
import dev.converge.engine.source.SourceFile;
import dev.converge.engine.spi.DatabaseUrl;
import dev.converge.engine.spi.InspectScope;
import dev.converge.engine.spi.ServerVersion;
import dev.converge.engine.spi.ShadowSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The normalization cache's key holds exactly what a shadow's model depends on, and an entry is never
 * trusted blindly: a corrupt or foreign one is ignored and rebuilt, and processes writing the same
 * entry at once leave a whole one. (That a hit gives the identical plan is checked against a real
 * shadow in the PostgreSQL dialect's NormalizationCacheHitTest.)
 */
class NormalizationCacheTest {
    private static final List<SourceFile> FILES = List.of(new SourceFile("schema/a.sql", "CREATE TABLE a (id int);"),
            new SourceFile("schema/b.sql", "CREATE TABLE b (id int);"));
    private static final List<String> PATHS = List.of("a.sql", "b.sql");
    private static final ServerVersion PG15 = new ServerVersion(15, 4, "PostgreSQL 15.4");
    private static final InspectScope SCOPE = new InspectScope(Set.of("public"));

    @TempDir
    Path dir;

    private static NormalizationKey key(ShadowSpec shadow, ServerVersion version, InspectScope scope,
                                        List<SourceFile> files, List<String> paths) {
        return NormalizationKey.of("postgres", shadow, version, scope, files, paths);
    }

    private static NormalizationKey base() {
        return key(ShadowSpec.EMBEDDED, PG15, SCOPE, FILES, PATHS);
    }

    @Test
    void theKeyIsTheSameForTheSameInputsWhereverTheFilesAre() {
        List<SourceFile> elsewhere = List.of(new SourceFile("/abs/x/a.sql", FILES.get(0).text()),
                new SourceFile("/abs/x/b.sql", FILES.get(1).text()));
        assertEquals(base(), key(ShadowSpec.EMBEDDED, PG15, SCOPE, elsewhere, PATHS));
        // An embedded shadow depends on the major only: the target's minor picks no other binaries.
        assertEquals(base(), key(ShadowSpec.EMBEDDED, new ServerVersion(15, 7, "PostgreSQL 15.7"), SCOPE, FILES, PATHS));
    }

    @Test
    void aOneByteChangeAnotherMajorOrAnotherSettingIsAnotherKey() {
        String hash = base().hash();
        List<SourceFile> oneByte = List.of(FILES.get(0), new SourceFile("schema/b.sql", "CREATE TABLE b (id int8);"));
        assertNotEquals(hash, key(ShadowSpec.EMBEDDED, PG15, SCOPE, oneByte, PATHS).hash(), "one byte");
        assertNotEquals(hash, key(ShadowSpec.EMBEDDED, new ServerVersion(16, 2, "PostgreSQL 16.2"), SCOPE, FILES, PATHS)
                .hash(), "another major");
        assertNotEquals(hash, key(ShadowSpec.SERVER, PG15, SCOPE, FILES, PATHS).hash(), "another shadow");
        // the default shadow may fall back to the target's server; one chosen with --shadow may not
        assertNotEquals(hash, key(ShadowSpec.EMBEDDED.asDefault(), PG15, SCOPE, FILES, PATHS).hash(),
                "the default shadow and the same one chosen");
        assertNotEquals(hash, key(ShadowSpec.EMBEDDED, PG15, new InspectScope(Set.of("public", "app")), FILES, PATHS)
                .hash(), "other schemas");
        assertNotEquals(hash, key(ShadowSpec.EMBEDDED, PG15, SCOPE.withManagedRoles(Set.of("app_rw")), FILES, PATHS)
                .hash(), "managed roles");
        assertNotEquals(hash, key(ShadowSpec.EMBEDDED, PG15, SCOPE, FILES, List.of("b.sql", "a.sql")).hash(),
                "another load order");
        assertNotEquals(hash, NormalizationKey.of("mysql", ShadowSpec.EMBEDDED, PG15, SCOPE, FILES, PATHS).hash(),
                "another dialect");
        assertTrue(base().text().startsWith("converge "), "Converge's own build is part of the key: " + base().text());
    }

    @Test
    void aDevDatabaseShadowIsNotCached() {
        DatabaseUrl dev = new DatabaseUrl("jdbc:postgresql://h/d", "u", null, "d", "h", 5432, Map.of());
        assertNull(key(new ShadowSpec(ShadowSpec.Mode.DEV, dev), PG15, SCOPE, FILES, PATHS));
    }

    @Test
    void anEntryIsReadBackAndACorruptOrForeignOneIsIgnoredThenRebuilt() throws Exception {
        NormalizationCache cache = NormalizationCache.in(dir);
        NormalizationKey key = base();
        NormalizationCache.forgetMemory();
        assertEquals(Optional.empty(), cache.get(key));
        NormalizationCache.Entry entry = new NormalizationCache.Entry(SchemaModel.EMPTY, "embedded PostgreSQL 15.4");
        cache.put(key, entry);
        NormalizationCache.forgetMemory();
        assertEquals(Optional.of(entry), cache.get(key));

        Path file = cache.file(key);
        byte[] whole = Files.readAllBytes(file);
        byte[] corrupt = whole.clone();
        corrupt[corrupt.length - 3] ^= 1;
        Files.write(file, corrupt);
        NormalizationCache.forgetMemory();
        assertEquals(Optional.empty(), cache.get(key), "one flipped bit");

        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertEquals(Optional.empty(), cache.get(key), "half an entry");

        NormalizationKey other = key(ShadowSpec.SERVER, PG15, SCOPE, FILES, PATHS);
        Files.writeString(file, NormalizationCache.write(other, new NormalizationCache.Entry(SchemaModel.EMPTY, "x")));
        assertEquals(Optional.empty(), cache.get(key), "another key's entry under this name");

        cache.put(key, new NormalizationCache.Entry(SchemaModel.EMPTY, "rebuilt"));
        NormalizationCache.forgetMemory();
        assertEquals("rebuilt", cache.get(key).orElseThrow().shadowDescription());
        assertEquals(Optional.empty(), NormalizationCache.disabled().get(key), "--no-cache");
    }

    /** The child JVM: writes the entry args[1] times into args[0]. */
    public static void main(String[] args) {
        NormalizationCache cache = NormalizationCache.in(Path.of(args[0]));
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
            cache.put(base(), bigEntry());
        }
    }

    private static NormalizationCache.Entry bigEntry() {
        return new NormalizationCache.Entry(SchemaModel.EMPTY, "x".repeat(300_000));
    }

    @Test
    void twoProcessesFillingTheSameEntryAtOnceLeaveAWholeEntry() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            writers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    NormalizationCacheTest.class.getName(), dir.toString(), "40").redirectErrorStream(true).start());
        }
        NormalizationCache reader = NormalizationCache.in(dir);
        Path file = reader.file(base());
        int reads = 0;
        while (writers.stream().anyMatch(Process::isAlive)) {
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertEquals(Optional.of(bigEntry()), NormalizationCache.read(text, base()), "a whole entry at read " + reads);
                reads++;
            }
        }
        for (Process writer : writers) {
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, writer.exitValue(), new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(reads > 0, "the entry was read while the writers ran");
        NormalizationCache.forgetMemory();
        assertEquals(Optional.of(bigEntry()), reader.get(base()));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file.getFileName().toString()), left.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file left");
        }
    }
}
