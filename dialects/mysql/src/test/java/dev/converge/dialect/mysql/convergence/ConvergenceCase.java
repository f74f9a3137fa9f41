package dev.converge.dialect.mysql.convergence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** ConvergenceCase is one directory under {@code src/test/resources/convergence}: current.sql and desired.sql. */
record ConvergenceCase(String name, Path dir) {
    static List<ConvergenceCase> all() {
        try {
            Path root = Path.of(ConvergenceCase.class.getResource("/convergence").toURI());
            try (Stream<Path> dirs = Files.list(root)) {
                // -Dconvergence.only=REGEX runs the matching cases only (while working on some of them)
                String only = System.getProperty("convergence.only", "");
                return dirs.filter(Files::isDirectory).sorted()
                        .filter(d -> only.isEmpty() || d.getFileName().toString().matches(only))
                        .map(d -> new ConvergenceCase(d.getFileName().toString(), d)).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ConvergenceCase named(String name) {
        return all().stream().filter(c -> c.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no convergence case " + name));
    }

    String current() {
        return read("current.sql");
    }

    String desired() {
        return read("desired.sql");
    }

    /** A directory holding only desired.sql, as the CLI's --desired takes it. */
    Path desiredDir() {
        try {
            Path tmp = Files.createTempDirectory("converge-mysql-" + name);
            Files.writeString(tmp.resolve("desired.sql"), desired());
            tmp.toFile().deleteOnExit();
            tmp.resolve("desired.sql").toFile().deleteOnExit();
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String read(String file) {
        try {
            Path p = dir.resolve(file);
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
