package dev.converge.dialect.postgres.shadow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * DataDirectoryTree is what the shadow does with a whole data directory as files: measure it, copy it
 * (counting what it copied, so a template that lost a file is noticed), and delete it.
 */
final class DataDirectoryTree {

    /**
     * How many regular files a tree holds and their bytes, leaving out one file name (the marker that
     * records these figures cannot count itself).
     *
     * @param files the number of regular files
     * @param bytes their total size
     */
    record Measure(long files, long bytes) {
    }

    private DataDirectoryTree() {
    }

    static Measure measure(Path dir, String leftOut) throws IOException {
        long files = 0;
        long bytes = 0;
        for (Path p : walk(dir)) {
            if (counts(p, leftOut)) {
                files++;
                bytes += Files.size(p);
            }
        }
        return new Measure(files, bytes);
    }

    /**
     * Copies {@code from} to {@code to} (which must not exist yet) with the permissions of each file,
     * which PostgreSQL checks on its data directory, and returns what it copied, {@code leftOut} left out.
     */
    static Measure copy(Path from, Path to, String leftOut) throws IOException {
        long files = 0;
        long bytes = 0;
        for (Path p : walk(from)) {
            if (p.getFileName().toString().equals(leftOut) && !p.equals(from)) {
                continue;
            }
            Path target = to.resolve(from.relativize(p).toString());
            Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            if (counts(p, leftOut)) {
                files++;
                bytes += Files.size(target);
            }
        }
        return new Measure(files, bytes);
    }

    /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean counts(Path p, String leftOut) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !p.getFileName().toString().equals(leftOut);
    }

    /** Parents before children, in a fixed order. */
    private static List<Path> walk(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.sorted().toList();
        }
    }
}
