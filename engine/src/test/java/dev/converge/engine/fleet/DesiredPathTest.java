package dev.converge.engine.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The desired directory of converge.yaml is named as a user would give it with --desired: relative
 * to the working directory when under it (the desired-state hash includes the files' names, so the
 * same checkout in two places must name them alike), absolute when outside it.
 */
class DesiredPathTest {
    private static final Path CWD = Path.of("").toAbsolutePath();

    @Test
    void underTheWorkingDirectoryItIsRelative() {
        assertEquals(Path.of("project", "schema").toString(), Fleet.asGiven(CWD.resolve("project/schema")));
        assertEquals(".", Fleet.asGiven(CWD));
    }

    @Test
    void elsewhereItStaysAbsolute() {
        Path outside = CWD.getRoot().resolve("elsewhere-" + System.nanoTime()).resolve("schema");
        assertEquals(outside.toString(), Fleet.asGiven(outside));
    }
}
