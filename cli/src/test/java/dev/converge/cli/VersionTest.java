package dev.converge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code converge --version} is answered before the command line is built (a start-up shortcut in
 * {@code Main.main}); it must print exactly what picocli prints for it, and exit 0.
 */
class VersionTest {
    @Test
    void theShortcutPrintsWhatPicocliPrints() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String option : new String[] {"--version", "-V"}) {
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), option).redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);

            assertEquals(0, process.exitValue(), printed);
            assertEquals(Cli.run(option).out(), printed);
        }
    }
}
