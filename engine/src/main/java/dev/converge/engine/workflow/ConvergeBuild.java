package dev.converge.engine.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * ConvergeBuild identifies the Converge build that runs, for the normalization cache: a model that an
 * older build's inspector made may differ from this build's, so the version alone ("0.1.0" for every
 * development build) is not enough. The identity is the version and a hash of where the engine's and
 * the dialects' classes come from: each jar's size and modification time, or each class file's in a
 * directory (tests, an IDE). Computed once per process; hashing the jars' content would read the
 * embedded server binaries at every start.
 */
final class ConvergeBuild {
    private static volatile String identity;

    private ConvergeBuild() {
    }

    static String identity() {
        String known = identity;
        if (known == null) {
            known = compute();
            identity = known;
        }
        return known;
    }

    private static String compute() {
        TreeMap<String, String> locations = new TreeMap<>();
        addLocation(ConvergeBuild.class, locations);
        for (ServiceLoader.Provider<dev.converge.engine.spi.Dialect> dialect
                : ServiceLoader.load(dev.converge.engine.spi.Dialect.class).stream().toList()) {
            addLocation(dialect.type(), locations);
        }
        String version = ConvergeBuild.class.getPackage().getImplementationVersion();
        return (version == null ? "dev" : version) + " " + NormalizationKey.sha256(locations.toString());
    }

    private static void addLocation(Class<?> type, TreeMap<String, String> locations) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            locations.put(type.getName(), "unknown");
            return;
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            locations.put(path.toString(), stamp(path));
        } catch (URISyntaxException | IllegalArgumentException | IOException | UncheckedIOException e) {
            locations.put(source.getLocation().toString(), "unreadable " + e.getClass().getSimpleName());
        }
    }

    private static String stamp(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis();
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                all.append(path.relativize(file)).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
        }
        return NormalizationKey.sha256(all.toString());
    }
}
