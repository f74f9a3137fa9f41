package dev.converge.api;

import dev.converge.engine.diag.ConvergeException;
import dev.converge.engine.diag.ErrorKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where the desired state is: a directory of {@code .sql} files (read recursively in path order), a
 * list of files (in the order given), a classpath resource (a directory or a file, in a jar or not),
 * a URL of one {@code .sql} file, or a database whose schema is the desired state ("make A look like B").
 *
 * <p>Files that are not on the file system (a resource inside a jar, a URL) are copied into a
 * temporary directory for the plan and deleted afterwards; error positions then name that copy.
 */
public final class Desired {
    private final String description;
    private final Source source;
    /** A database's schema, not files: what only a plan takes ({@link Validation} reads files). */
    private final boolean database;

    /** Gives a location the engine reads: a directory, a file, or a database URL. */
    @FunctionalInterface
    private interface Source {
        Materialized open() throws IOException;
    }

    private Desired(String description, Source source) {
        this(description, source, false);
    }

    private Desired(String description, Source source, boolean database) {
        this.description = description;
        this.source = source;
        this.database = database;
    }

    /** Every {@code .sql} file under {@code dir}, recursively, in path order. */
    public static Desired directory(Path dir) {
        Objects.requireNonNull(dir, "dir is null");
        return new Desired(dir.toString(), () -> Materialized.at(dir.toString()));
    }

    /** One {@code .sql} file. */
    public static Desired file(Path file) {
        Objects.requireNonNull(file, "file is null");
        return new Desired(file.toString(), () -> Materialized.at(file.toString()));
    }

    /** These files, loaded in the order given (each keeps its name after an ordinal prefix). */
    public static Desired files(List<Path> files) {
        List<Path> copy = List.copyOf(files);
        if (copy.size() == 1) {
            return file(copy.get(0));
        }
        return new Desired(copy.toString(), () -> {
            Path dir = Files.createTempDirectory("converge-desired-");
            for (int i = 0; i < copy.size(); i++) {
                Files.copy(copy.get(i), dir.resolve(String.format("%04d-%s", i + 1, copy.get(i).getFileName())));
            }
            return Materialized.copied(dir);
        });
    }

    /** A classpath resource (a directory of {@code .sql} files or one file) of this class's loader. */
    public static Desired classpath(String resource) {
        return classpath(resource, Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : Desired.class.getClassLoader());
    }

    /** A classpath resource of {@code loader}: a directory of {@code .sql} files or one file. */
    public static Desired classpath(String resource, ClassLoader loader) {
        String name = resource.replaceFirst("^/+", "");
        return new Desired("classpath:" + name, () -> {
            URL url = loader.getResource(name);
            if (url == null) {
                throw new ConvergeException(ErrorKind.USAGE, "desired state not found: no classpath resource '"
                        + name + "'");
            }
            return fromUrl(url);
        });
    }

    /** A URL of one {@code .sql} file ({@code https:}, {@code file:}, {@code jar:}...). */
    public static Desired url(URL url) {
        Objects.requireNonNull(url, "url is null");
        return new Desired(url.toString(), () -> fromUrl(url));
    }

    /**
     * A location as {@code --desired} takes it: a directory of {@code .sql} files, one {@code .sql} file,
     * or a database URL, told apart when it is read.
     */
    public static Desired location(String location) {
        Objects.requireNonNull(location, "location is null");
        return new Desired(location, () -> Materialized.at(location));
    }

    /** A database whose schema is the desired state, by URL ({@code postgresql://...}, {@code jdbc:...}). */
    public static Desired database(String url) {
        Objects.requireNonNull(url, "url is null");
        return new Desired("a database", () -> Materialized.at(url), true);
    }

    @Override
    public String toString() {
        return description;
    }

    boolean isDatabase() {
        return database;
    }

    /** The location for the engine, with its temporary copy (if any) deleted on close. */
    Materialized open() {
        try {
            return source.open();
        } catch (IOException e) {
            throw new ConvergeException(ErrorKind.USAGE, "cannot read the desired state " + description + ": "
                    + e.getMessage(), e);
        }
    }

    private static Materialized fromUrl(URL url) throws IOException {
        try {
            if ("file".equals(url.getProtocol())) {
                return Materialized.at(Path.of(url.toURI()).toString());
            }
            if ("jar".equals(url.getProtocol())) {
                return fromJar(url.toURI());
            }
        } catch (URISyntaxException e) {
            throw new IOException("not a valid URL: " + url, e);
        }
        Path dir = Files.createTempDirectory("converge-desired-");
        String last = Path.of(url.getPath().isEmpty() ? "desired.sql" : url.getPath()).getFileName().toString();
        try (InputStream in = url.openStream()) {
            Files.copy(in, dir.resolve(last.endsWith(".sql") ? last : last + ".sql"));
        }
        return Materialized.copied(dir);
    }

    /** A resource inside a jar: its files are copied out (the engine reads the file system). */
    private static Materialized fromJar(URI uri) throws IOException {
        String text = uri.toString();
        int separator = text.indexOf("!/");
        URI jar = URI.create(text.substring(0, separator));
        String inside = text.substring(separator + 1);
        Path dir = Files.createTempDirectory("converge-desired-");
        FileSystem zip;
        boolean opened = true;
        try {
            zip = FileSystems.newFileSystem(jar, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            zip = FileSystems.getFileSystem(jar); // open elsewhere in this JVM: used, not closed
            opened = false;
        }
        try {
            copyTree(zip.getPath(inside), dir);
        } finally {
            if (opened) {
                zip.close();
            }
        }
        return Materialized.copied(dir);
    }

    private static void copyTree(Path root, Path dir) throws IOException {
        if (Files.isRegularFile(root)) {
            Files.copy(root, dir.resolve(root.getFileName().toString()));
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve(root.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
    }

    /** A location the engine reads, and the temporary directory to delete afterwards (or null). */
    record Materialized(String location, Path temporary) implements AutoCloseable {
        static Materialized at(String location) {
            return new Materialized(location, null);
        }

        static Materialized copied(Path dir) {
            return new Materialized(dir.toString(), dir);
        }

        @Override
        public void close() {
            if (temporary == null) {
                return;
            }
            try (Stream<Path> paths = Files.walk(temporary)) {
                List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
                for (Path p : all) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + temporary, e);
            }
        }
    }
}
