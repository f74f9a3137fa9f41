package dev.converge.dialect.postgres.shadow;

import dev.converge.engine.diag.Phases;
import dev.converge.engine.diag.Plural;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * DataDirectoryTemplates keeps one initialised PostgreSQL data directory per {@link TemplateKey} in
 * Converge's cache, so an embedded shadow starts on a copy of it instead of running initdb (most of
 * its start). A template is built in a directory of its own and moved into place in one atomic
 * rename, so a concurrent run sees a whole template or none; a marker written last records its key
 * and what it holds, and every copy is checked against it. A template that is missing, foreign or
 * short of a file is set aside (renamed away, then deleted) and built again; anything else that goes
 * wrong leaves the caller to plain initdb, said under {@code --verbose}.
 */
final class DataDirectoryTemplates {
    /** Our completion file: written into a template last, never copied into a run's data directory. */
    static final String MARKER = "converge-template.properties";

    /** A build or a set-aside template older than this was left by a run that was killed. */
    private static final Duration ABANDONED = Duration.ofHours(1);

    /** Runs initdb into a directory that does not exist yet, and leaves it as a stopped server would. */
    @FunctionalInterface
    interface Initializer {
        void initialise(Path data) throws IOException;
    }

    private final Path root;

    DataDirectoryTemplates(Path root) {
        this.root = root;
    }

    /** The directory that holds the templates ({@code shadow-templates/} beside the binaries' cache). */
    Path root() {
        return root;
    }

    /** Where the template of {@code key} lives (or would). */
    Path template(TemplateKey key) {
        return root.resolve(key.directoryName());
    }

    /**
     * Fills {@code data} (which must not exist yet) with a copy of the template of {@code key},
     * building the template first when it is missing or corrupt. Never throws: on any failure
     * {@code data} is left absent and the answer is {@link DataDirectoryOrigin#INITDB}.
     *
     * @param major the server's major version, which the template's PG_VERSION must name
     */
    DataDirectoryOrigin copyInto(Path data, TemplateKey key, int major, Initializer initializer) {
        Path template = template(key);
        try {
            DataDirectoryOrigin origin = DataDirectoryOrigin.TEMPLATE_COPIED;
            if (!Files.isDirectory(template)) {
                build(template, key, initializer);
                origin = DataDirectoryOrigin.TEMPLATE_BUILT;
            } else if (!markedFor(template, key, major)) {
                rebuild(template, key, initializer, "its marker is missing or names other binaries or settings");
                origin = DataDirectoryOrigin.TEMPLATE_REBUILT;
            }
            try {
                copyChecked(template, data);
            } catch (CorruptTemplate e) {
                DataDirectoryTree.delete(data);
                rebuild(template, key, initializer, e.getMessage());
                copyChecked(template, data);
                origin = DataDirectoryOrigin.TEMPLATE_REBUILT;
            }
            Phases.note(Phases.SHADOW_START, describe(origin) + " " + template);
            return origin;
        } catch (IOException | RuntimeException e) {
            try {
                DataDirectoryTree.delete(data);
            } catch (IOException ignored) {
                // The caller's run directory is deleted whole when the shadow closes.
            }
            Phases.note(Phases.SHADOW_START, "cannot use the data directory template " + template + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); running initdb instead");
            return DataDirectoryOrigin.INITDB;
        }
    }

    /** Sets the template of {@code key} aside, quietly: the next run builds it again. */
    void discard(TemplateKey key) {
        try {
            setAside(template(key));
        } catch (IOException | RuntimeException e) {
            Phases.note(Phases.SHADOW_START, "cannot set the data directory template " + template(key) + " aside ("
                    + e.getMessage() + ")");
        }
    }

    private static String describe(DataDirectoryOrigin origin) {
        return switch (origin) {
            case TEMPLATE_BUILT -> "built the data directory template, then copied it:";
            case TEMPLATE_REBUILT -> "rebuilt the corrupt data directory template, then copied it:";
            default -> "data directory copied from the template (no initdb):";
        };
    }

    /** True when the marker names exactly {@code key} and PG_VERSION names {@code major}. */
    private static boolean markedFor(Path template, TemplateKey key, int major) {
        try {
            Properties marker = readMarker(template);
            String version = Files.readString(template.resolve("PG_VERSION"), StandardCharsets.US_ASCII).trim();
            return key.canonical().equals(marker.getProperty("key")) && version.equals(Integer.toString(major));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Copies the template and compares what was copied with what its marker says it holds. */
    private static void copyChecked(Path template, Path data) throws IOException {
        Properties marker = readMarker(template);
        DataDirectoryTree.Measure copied;
        try {
            copied = DataDirectoryTree.copy(template, data, MARKER);
        } catch (NoSuchFileException e) {
            throw new CorruptTemplate("a file vanished while it was copied: " + e.getMessage());
        }
        DataDirectoryTree.Measure recorded = new DataDirectoryTree.Measure(
                Long.parseLong(marker.getProperty("files", "-1")), Long.parseLong(marker.getProperty("bytes", "-1")));
        if (!recorded.equals(copied)) {
            throw new CorruptTemplate("it holds " + Plural.count(copied.files(), "file") + " of "
                    + Plural.count(copied.bytes(), "byte") + " where its marker recorded "
                    + Plural.count(recorded.files(), "file") + " of " + Plural.count(recorded.bytes(), "byte"));
        }
    }

    private void rebuild(Path template, TemplateKey key, Initializer initializer, String why) throws IOException {
        Phases.note(Phases.SHADOW_START, "the data directory template " + template + " is set aside: " + why);
        setAside(template);
        build(template, key, initializer);
    }

    /**
     * Initialises a data directory under a name of its own, writes the marker last, and renames it into
     * place. When another run got there first its template is kept and ours deleted: both are equal.
     */
    private void build(Path template, TemplateKey key, Initializer initializer) throws IOException {
        Files.createDirectories(root);
        removeAbandoned();
        Path build = Files.createTempDirectory(root, ".build-");
        try {
            Path data = build.resolve("data");
            initializer.initialise(data);
            DataDirectoryTree.Measure measure = DataDirectoryTree.measure(data, MARKER);
            Properties marker = new Properties();
            marker.setProperty("key", key.canonical());
            marker.setProperty("files", Long.toString(measure.files()));
            marker.setProperty("bytes", Long.toString(measure.bytes()));
            try (Writer out = Files.newBufferedWriter(data.resolve(MARKER), StandardCharsets.UTF_8)) {
                marker.store(out, "Converge: a complete initdb; delete the directory to have it built again");
            }
            try {
                Files.move(data, template, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Another run moved its template into place first (Linux says "Directory not empty", a
                // plain FileSystemException); the copy checks that one as ever.
                if (!Files.isDirectory(template)) {
                    throw e;
                }
            }
        } finally {
            DataDirectoryTree.delete(build);
        }
    }

    /** Renames the template away before deleting it, so no run copies a half-deleted template. */
    private void setAside(Path template) throws IOException {
        Path trash = root.resolve(".trash-" + UUID.randomUUID());
        try {
            Files.move(template, trash, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return; // another run set it aside already
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + template + " within " + root, e);
        }
        DataDirectoryTree.delete(trash);
    }

    /** Deletes builds and set-aside templates that killed runs left behind. */
    private void removeAbandoned() throws IOException {
        Instant before = Instant.now().minus(ABANDONED);
        try (DirectoryStream<Path> left = Files.newDirectoryStream(root, ".{build,trash}-*")) {
            for (Path dir : left) {
                if (Files.getLastModifiedTime(dir).toInstant().isBefore(before)) {
                    DataDirectoryTree.delete(dir);
                }
            }
        }
    }

    private static Properties readMarker(Path template) throws IOException {
        Properties marker = new Properties();
        try (Reader in = Files.newBufferedReader(template.resolve(MARKER), StandardCharsets.UTF_8)) {
            marker.load(in);
        }
        return marker;
    }

    /** The template does not hold what its marker recorded. */
    private static final class CorruptTemplate extends IOException {
        private static final long serialVersionUID = 1L;

        CorruptTemplate(String message) {
            super(message);
        }
    }
}
