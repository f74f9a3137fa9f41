package dev.converge.dialect.postgres.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.converge.engine.spi.Shadow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.13: a run with the embedded shadow leaves nothing in the temp directory but zonky's cache of
 * extracted binaries ({@code embedded-pg/}): no {@code detect_linux_distribution_*.sh}, no data directory.
 * The run is a child JVM with a temp directory of its own, since zonky writes the script once per process.
 */
class ShadowLeavesNoTempFilesTest {

    /** The child JVM: starts an embedded shadow, runs a query and closes it. */
    public static void main(String[] args) throws Exception {
        try (Shadow shadow = EmbeddedShadow.start(null);
             var st = shadow.connection().createStatement()) {
            st.execute("SELECT 1");
        }
        System.out.println("closed");
    }

    @Test
    void anEmbeddedShadowRunLeavesOnlyTheBinaryCache() throws Exception {
        Path temp = Files.createTempDirectory("converge-faults-tmp-");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // tmpfs off: the data directory goes into the temp directory, where this test sees it removed
            // (ShadowPlacementsTest checks the same on tmpfs).
            Process child = new ProcessBuilder(java, "-Djava.io.tmpdir=" + temp, "-D" + ShadowPlacements.PROPERTY + "=off", "-cp",
                    System.getProperty("java.class.path"), ShadowLeavesNoTempFilesTest.class.getName())
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child ended");
            assertEquals(0, child.exitValue(), output);
            assertTrue(output.contains("closed"), output);
            try (Stream<Path> left = Files.list(temp)) {
                assertEquals(List.of("embedded-pg"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                        "what the run left in its temp directory");
            }
        } finally {
            deleteTree(temp);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
