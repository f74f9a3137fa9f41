package dev.converge.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.converge.engine.source.SourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desired-state hash is of contents and paths relative to the desired root (issue 14, item 4): the
 * root as written from the project root, from inside it and from elsewhere gives one hash, so that the
 * promotion gate and {@code status} agree wherever converge runs.
 */
class DesiredHashTest {
    @TempDir
    Path project;

    @Test
    void theSameFilesHashTheSameFromEveryWorkingDirectory() throws IOException {
        Path schema = Files.createDirectories(project.resolve("schema/sub"));
        Files.writeString(project.resolve("schema/a.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(schema.resolve("b.sql"), "CREATE TABLE b (id int);\n");
        Path cwd = Path.of("").toAbsolutePath();
        Path fromElsewhere = cwd.relativize(project.resolve("schema"));
        Path absolute = project.resolve("schema");
        Path withDots = project.resolve("schema/sub/../../schema");

        String hash = hash(absolute);
        assertEquals(hash, hash(fromElsewhere), fromElsewhere.toString());
        assertEquals(hash, hash(withDots), withDots.toString());
        assertEquals(hash, hash(Path.of(absolute + "/")), "a trailing slash");

        Files.move(project.resolve("schema/a.sql"), schema.resolve("a.sql"));
        assertNotEquals(hash, hash(absolute), "a file moved within the root is another desired state");
    }

    private static String hash(Path root) {
        return Fingerprints.of(root, SourceSet.load(root));
    }
}
